"""What a page handler asks for, given by FastAPI: the visit, the signed-in account, the checked form.

Every handler has one shape: a plain ``def`` (FastAPI runs it in its thread pool, off the event
loop, so database work never blocks the loop) whose parameters say what it needs, in the order
they are checked:

    @router.post("/security/unbind/{channel}/next")
    def unbind_next(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit): ...

- ``PostedForm`` / ``PostedJson``: the body as text fields (or a bounded JSON object), after the
  CSRF token has been verified; a bad body is a readable 4xx (``FormRejected``).
- ``SignedIn``: the signed-in customer. A visitor without one is sent to the login page, raised
  here once (``SignInRequired``) and answered in one place (``create_app``'s error pages).
- A page's own precondition (a step refused before it starts) is a dependency too, raising
  ``AnsweredEarly`` with the page to show instead.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response

from ..models import Account
from .forms import checked_form, checked_json
from .visit import Visit, visit_of


class AnsweredEarly(Exception):
    """A dependency decided the answer before the handler ran; create_app sends ``response``."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class SignInRequired(AnsweredEarly):
    """A page that needs a signed-in visitor was asked for without one: off to the login page."""

    def __init__(self, login_page: str = "/login") -> None:
        super().__init__(RedirectResponse(login_page, status_code=303))


async def current_visit(request: Request) -> Visit:
    return visit_of(request)


def signed_in_account(request: Request) -> Account:
    account = visit_of(request).signed_in_account()
    if account is None:
        raise SignInRequired()
    return account


async def posted_form(request: Request) -> dict[str, str]:
    return await checked_form(request)


async def posted_json(request: Request) -> dict:
    return await checked_json(request)


CurrentVisit = Annotated[Visit, Depends(current_visit)]
SignedIn = Annotated[Account, Depends(signed_in_account)]
PostedForm = Annotated[dict, Depends(posted_form)]
PostedJson = Annotated[dict, Depends(posted_json)]
