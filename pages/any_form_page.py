"""Any form of any screen, written and sent the way a hostile client would (the hostile-input suite).

Every field written is first swapped for a hidden input of the same name, so the browser sends
the value exactly as given (no type=email trimming, no maxlength, no option list), which is what
a script or a proxy can always do. Forms are known by their action attribute.
"""

from __future__ import annotations

from dataclasses import dataclass

import allure
from playwright.sync_api import Response

from .base_page import BasePage

# where a screen puts an error a person can read: an alert that is shown, a field's own message
READABLE_ERROR = "[role=alert]:not([hidden]), .field-error"

_FILL_AND_SUBMIT = """
([action, values]) => {
  const form = [...document.forms].find(f => f.getAttribute('action') === action);
  if (!form) return false;
  for (const [name, value] of Object.entries(values)) {
    const stale = [...form.querySelectorAll('[name]')].filter(e => e.name === name && e.tagName !== 'BUTTON');
    for (const old of stale) old.remove();
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  form.submit();
  return true;
}
"""
_FORMS_ON_PAGE = "() => [...document.forms].map(f => f.getAttribute('action'))"
_READ_PAGE = """
([selector, marker]) => ({
  html: document.documentElement.outerHTML,
  text: document.body ? document.body.innerText : '',
  error: [...document.querySelectorAll(selector)].map(e => e.innerText.trim()).filter(t => t)[0] || '',
  injected: document.querySelectorAll('[' + marker + ']').length,
  forms: [...document.forms].map(f => f.getAttribute('action')),
})
"""


@dataclass
class Answered:
    """The page a submitted form brought."""

    response: Response | None
    html: str
    text: str  # the page's visible text
    error: str  # the first readable error shown, if any
    injected: int  # elements carrying the injected markup's marker attribute
    forms: list[str]  # the actions of the forms on it


class AnyFormPage(BasePage):
    def form_actions(self) -> list[str]:
        """The action of each form on the page."""
        return self.page.evaluate(_FORMS_ON_PAGE)

    def submit_values(self, action: str, values: dict[str, str], injected_marker: str) -> Answered:
        """Write <values> into the form posting to <action>, exactly as given, and submit it.
        ``injected_marker`` is the attribute hostile markup carries, counted on the answer."""
        with allure.step(f"Submit the form posting to {action} with {sorted(values)} written in"):
            with self.page.expect_navigation(wait_until="domcontentloaded") as navigation:
                if not self.page.evaluate(_FILL_AND_SUBMIT, [action, values]):
                    raise AssertionError(f"no form with action {action!r} on {self.page.url}")
            seen = self.page.evaluate(_READ_PAGE, [READABLE_ERROR, injected_marker])
            return Answered(navigation.value, seen["html"], seen["text"], seen["error"], seen["injected"],
                            seen["forms"])
