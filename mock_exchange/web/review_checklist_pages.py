"""Back office, CoinEx reviews: the reviewer checklist and the customer's uploaded evidence.

Ticking every item records the evidence as verified (``identity_verified_at``), which is what
the back office's Approve requires; an unticked item leaves Reject as the only decision.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ..checklist_reviews import CHECKLISTS, record_checklist
from ..models import EvidenceFile, Review
from .backoffice_pages import SignedInAgent, show_review
from .dependencies import CurrentVisit, PostedForm

router = APIRouter()


@router.post("/backoffice/reviews/{review_id}/checklist")
def submit_checklist(request: Request, review_id: int, form: PostedForm, agent: SignedInAgent, visit: CurrentVisit):
    review = visit.db.get(Review, review_id)
    if review is None or review.kind not in CHECKLISTS:
        raise HTTPException(404)
    if review.status != "pending":
        return show_review(request, agent, review, 409, error=(
            "backoffice.decided", "This request has already been decided."))
    ticked = {key for key, _ in CHECKLISTS[review.kind] if form.get(key) == "yes"}
    missing = record_checklist(review, ticked, visit.now)
    if missing:
        return show_review(request, agent, review, 409, error=(
            "backoffice.checklist_failed",
            "The evidence does not meet the checklist (" + "; ".join(missing) + "). It cannot be approved: "
            "reject it and ask the customer for more information."))
    return show_review(request, agent, review, notice="Checklist complete: the evidence is verified.")


@router.get("/backoffice/evidence/{file_id}")
def evidence(file_id: int, agent: SignedInAgent, visit: CurrentVisit):
    found = visit.db.get(EvidenceFile, file_id)
    if found is None:
        raise HTTPException(404)
    return Response(found.data, media_type=found.content_type,
                    headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "inline"})
