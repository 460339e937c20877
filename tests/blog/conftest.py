import pytest

from tests.blog.factories import BlogIndexPageFactory


@pytest.fixture
def blog_index(home):
    return BlogIndexPageFactory(parent=home)
