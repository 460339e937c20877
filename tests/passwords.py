"""The password hasher of the tests: Django's PBKDF2 with one iteration instead of a million.

Every test user's password is hashed when it is created and again at each sign-in: at Django's
work factor that is about 0.3 s of CPU each, which no test asserts on. The hashes keep Django's
format (`pbkdf2_sha256$1$...`), so a process with the project's own settings (a subprocess, the
demo server) still verifies them."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneIterationPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    iterations = 1
