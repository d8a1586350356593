import pytest

from ljsms_desktop.core.signature import (
    EMPTY_SIGNATURE_ZH,
    LONG_SIGNATURE_ZH,
    MISSING_SIGNATURE_ZH,
    WRONG_BRACKETS_ZH,
    find_signature,
    has_signature,
    signature_problem,
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("【联江科技】您的验证码是 1234", "联江科技"),
        ("您的验证码是 1234【联江科技】", "联江科技"),
        ("  【联江】你好\n", "联江"),
        ("你好【联江】\n", "联江"),
        ("【联江】你好【别家】", "联江"),  # start wins
        ("【ABC Shop】hello", "ABC Shop"),
        ("【" + "字" * 20 + "】你好", "字" * 20),
    ],
)
def test_found(text, name):
    assert find_signature(text) == name
    assert has_signature(text)
    assert signature_problem(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("您的验证码是 1234", MISSING_SIGNATURE_ZH),
        ("", MISSING_SIGNATURE_ZH),
        ("你好【联江】，明天见", MISSING_SIGNATURE_ZH),  # in the middle does not count
        ("【】你好", EMPTY_SIGNATURE_ZH),
        ("【  】你好", EMPTY_SIGNATURE_ZH),
        ("【" + "字" * 21 + "】你好", LONG_SIGNATURE_ZH),
        ("[联江科技]您的验证码是 1234", WRONG_BRACKETS_ZH),
        ("您的验证码是 1234〖联江科技〗", WRONG_BRACKETS_ZH),
    ],
)
def test_missing(text, message):
    assert find_signature(text) is None
    assert not has_signature(text)
    assert signature_problem(text) == message
