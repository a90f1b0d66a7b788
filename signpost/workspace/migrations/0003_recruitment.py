# Recruitment: campaigns, expressions of interest and their dated pipeline steps.

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0002_private_space'),
        ('workspace', '0004_member_profiles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Campaign',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=120)),
                ('slug', models.SlugField(max_length=80, unique=True)),
                ('headline', models.CharField(help_text="The poster's big line, such as 'Help shape our website'.", max_length=120)),
                ('what_members_do', models.TextField(help_text='What members do, in plain words.')),
                ('meeting_time_text', models.CharField(blank=True, help_text='When the group meets, if the group has no fixed slot recorded yet.', max_length=160)),
                ('payment_text', models.CharField(blank=True, help_text='Any payment or expenses for taking part.', max_length=200)),
                ('contact_text', models.CharField(blank=True, help_text='How to ask a question, such as a phone number.', max_length=200)),
                ('is_open', models.BooleanField(default=True, help_text='Closed campaigns take no new replies.')),
                ('group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='campaigns', to='workspace.group')),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='campaigns', to='workspace.project')),
            ],
            options={
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='ExpressionOfInterest',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('channel', models.CharField(choices=[('poster', 'A poster or leaflet'), ('social', 'Social media'), ('partners', 'A partner organisation'), ('word-of-mouth', 'Word of mouth'), ('other', 'Somewhere else')], max_length=20)),
                ('preferred_name', models.CharField(max_length=80)),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('phone', models.CharField(blank=True, max_length=30)),
                ('contact_by', models.CharField(choices=[('email', 'Email'), ('phone', 'Phone call'), ('text', 'Text message')], max_length=10)),
                ('message', models.TextField(blank=True)),
                ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='responses', to='workspace.campaign')),
                ('membership', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workspace.membership')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='expressions_of_interest', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name_plural': 'expressions of interest',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='PipelineStep',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('stage', models.CharField(choices=[('expressed', 'Expressed interest'), ('contacted', 'Contacted'), ('welcome', 'Welcome conversation'), ('first-meeting', 'First meeting'), ('active', 'Active'), ('paused', 'Paused'), ('left', 'Left')], max_length=20)),
                ('moved_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('interest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='workspace.expressionofinterest')),
                ('moved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['moved_at', 'id'],
            },
        ),
    ]
