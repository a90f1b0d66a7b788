"""Our own User model, in place from day one so it can grow without a painful swap."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in: staff now; co-production members later."""

    class Meta:
        db_table = "users_user"
