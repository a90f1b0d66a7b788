from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "signpost.users"
    label = "users"
