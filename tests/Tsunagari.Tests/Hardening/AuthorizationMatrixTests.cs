using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// Every route the app maps, asked by every kind of actor, against one table of who may do what. The routes come from
/// the app's own endpoint metadata, so a new page, handler or API endpoint without a row here fails this test.
/// </summary>
public sealed partial class AuthorizationMatrixTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>The columns of <see cref="Matrix"/>, in order.</summary>
    public enum Actor { Anonymous, Resident, OtherOrganizationAdmin, Member, OrganizationAdmin, Coordinator, PrefectureAdmin }

    // y = reaches the handler; - = refused (401, 403, or sent to sign in / access denied / two-factor set-up);
    // n = 404, the handler does not show that the thing exists to this actor.
    // Columns: Anonymous, Resident, admin of ANOTHER organization, Member, Organization admin, Coordinator, Prefecture admin.
    // The organization, opportunity and member routes are about the subject organization (the Member's and the Organization admin's).
    private static readonly Dictionary<string, string> Matrix = new(StringComparer.Ordinal)
    {
        ["GET "] = "yyyyyyy",
        ["GET /api/v1/me"] = "-yyyyyy",
        ["GET /api/v1/me/profile"] = "-yyyyyy",
        ["GET /api/v1/me/recommendations"] = "-yyyyyy",
        ["GET /api/v1/municipalities/"] = "yyyyyyy",
        ["GET /api/v1/municipalities/{code}"] = "yyyyyyy",
        ["GET /api/v1/opportunities"] = "yyyyyyy",
        ["GET /api/v1/opportunities/{id:guid}"] = "yyyyyyy",
        ["GET /api/v1/organizations"] = "yyyyyyy",
        ["GET /api/v1/organizations/{id:guid}"] = "yyyyyyy",
        ["GET /healthz"] = "yyyyyyy",
        ["GET /healthz/live"] = "yyyyyyy",
        ["GET /openapi/{documentName}.json"] = "yyyyyyy",
        ["GET /opendata/events.csv"] = "yyyyyyy",
        ["GET /opendata/organizations.json"] = "yyyyyyy",
        ["GET /opportunities/{id:guid}.ics"] = "yyyyyyy",
        ["GET /organizations/{id:guid}/opportunities.ics"] = "yyyyyyy",
        ["GET /organizations/{orgId:guid}/opportunities/new"] = "----y--",
        ["GET /regions/{code}/opportunities.ics"] = "yyyyyyy",
        ["GET /search.ics"] = "yyyyyyy",
        ["GET account"] = "-yyyyyy",
        ["GET account/access-denied"] = "-------",
        ["GET account/check-mail"] = "yyyyyyy",
        ["GET account/confirm-email"] = "yyyyyyy",
        ["GET account/confirm-email-change"] = "yyyyyyy",
        ["GET account/deleted"] = "yyyyyyy",
        ["GET account/email"] = "-yyyyyy",
        ["GET account/forgot-password"] = "yyyyyyy",
        ["GET account/login"] = "yyyyyyy",
        ["GET account/login-2fa"] = "-------",
        ["GET account/logout"] = "yyyyyyy",
        ["GET account/password"] = "-yyyyyy",
        ["GET account/personal-data"] = "-yyyyyy",
        ["GET account/register"] = "yyyyyyy",
        ["GET account/resend-confirmation"] = "yyyyyyy",
        ["GET account/reset-password"] = "yyyyyyy",
        ["GET account/tokens"] = "-yyyyyy",
        ["GET account/two-factor"] = "-yyyyyy",
        ["GET admin/accounts"] = "------y",
        ["GET admin/accounts/{id:guid}"] = "------y",
        ["GET admin/audit"] = "------y",
        ["GET error/{code:int?}"] = "yyyyyyy",
        ["GET guide/npo-incorporation"] = "yyyyyyy",
        ["GET me"] = "-yyyyyy",
        ["GET me/profile"] = "-yyyyyy",
        ["GET opendata/import"] = "-----yy",
        ["GET opportunities/ways"] = "------y",
        ["GET opportunities/ways/edit/{id:int?}"] = "------y",
        ["GET opportunities/{id:guid}"] = "yyyyyyy",
        ["GET opportunities/{id:guid}/edit"] = "----y--",
        ["GET organizations/invitations/{secret}"] = "-yyyyyy",
        ["GET organizations/mine"] = "-yyyyyy",
        ["GET organizations/new"] = "-yyyyyy",
        ["GET organizations/start"] = "-yyyyyy",
        ["GET organizations/verification"] = "-----yy",
        ["GET organizations/{id:guid}"] = "yyyyyyy",
        ["GET organizations/{id:guid}/edit"] = "----y--",
        ["GET organizations/{id:guid}/indicators"] = "yyyyyyy",
        ["GET organizations/{id:guid}/journey"] = "----y--",
        ["GET organizations/{id:guid}/logo"] = "nnnnnnn",
        ["GET organizations/{id:guid}/members"] = "---yy--",
        ["GET organizations/{orgId:guid}/opportunities"] = "----y--",
        ["GET people/{accountId:guid}"] = "nnnnyyy",
        ["GET privacy"] = "yyyyyyy",
        ["GET regions"] = "yyyyyyy",
        ["GET regions/groupings"] = "------y",
        ["GET regions/groupings/edit/{id:guid?}"] = "------y",
        ["GET regions/{code}"] = "yyyyyyy",
        ["GET regions/{code}/indicators"] = "yyyyyyy",
        ["GET search"] = "yyyyyyy",
        ["POST /api/v1/opportunities/{id:guid}/cancel"] = "----y--",
        ["POST /api/v1/opportunities/{id:guid}/close"] = "----y--",
        ["POST /api/v1/opportunities/{id:guid}/publish"] = "----y--",
        ["POST /api/v1/organizations/"] = "-yyyyyy",
        ["POST /api/v1/organizations/{orgId:guid}/opportunities"] = "----y--",
        ["POST /organizations/{orgId:guid}/opportunities/new"] = "----y--",
        ["POST account"] = "-yyyyyy",
        ["POST account/email"] = "-yyyyyy",
        ["POST account/forgot-password"] = "yyyyyyy",
        ["POST account/login"] = "yyyyyyy",
        ["POST account/login-2fa"] = "yyyyyyy",
        ["POST account/logout"] = "yyyyyyy",
        ["POST account/password"] = "-yyyyyy",
        ["POST account/personal-data?handler=Delete"] = "-yyyyyy",
        ["POST account/personal-data?handler=Download"] = "-yyyyyy",
        ["POST account/register"] = "yyyyyyy",
        ["POST account/resend-confirmation"] = "yyyyyyy",
        ["POST account/reset-password"] = "yyyyyyy",
        ["POST account/tokens?handler=Create"] = "-yyyyyy",
        ["POST account/tokens?handler=Revoke"] = "-nnnnnn",
        ["POST account/two-factor?handler=Disable"] = "-yyyyyy",
        ["POST account/two-factor?handler=Enable"] = "-yyyyyy",
        ["POST account/two-factor?handler=RecoveryCodes"] = "-yyyyyy",
        ["POST admin/accounts/{id:guid}"] = "------y",
        ["POST error/{code:int?}"] = "yyyyyyy",
        ["POST me/profile"] = "-yyyyyy",
        ["POST opendata/import?handler=Confirm"] = "-----yy",
        ["POST opendata/import?handler=DryRun"] = "-----yy",
        ["POST opportunities/ways/edit/{id:int?}"] = "------y",
        ["POST opportunities/{id:guid}/edit"] = "----y--",
        ["POST opportunities/{id:guid}?handler=Cancel"] = "----y--",
        ["POST opportunities/{id:guid}?handler=Close"] = "----y--",
        ["POST opportunities/{id:guid}?handler=Publish"] = "----y--",
        ["POST organizations/invitations/{secret}"] = "-yyyyyy",
        ["POST organizations/new"] = "-yyyyyy",
        ["POST organizations/start"] = "-yyyyyy",
        ["POST organizations/verification?handler=RequestChanges"] = "-----yy",
        ["POST organizations/verification?handler=Verify"] = "-----yy",
        ["POST organizations/{id:guid}/edit"] = "----y--",
        ["POST organizations/{id:guid}/edit?handler=Logo"] = "----y--",
        ["POST organizations/{id:guid}/edit?handler=RemoveLogo"] = "----y--",
        ["POST organizations/{id:guid}/journey?handler=InviteToCoPlan"] = "----y--",
        ["POST organizations/{id:guid}/journey?handler=Reinvite"] = "----y--",
        ["POST organizations/{id:guid}/members?handler=ChangeRole"] = "----y--",
        ["POST organizations/{id:guid}/members?handler=Invite"] = "----y--",
        ["POST organizations/{id:guid}/members?handler=Remove"] = "----y--",
        ["POST regions/groupings/edit/{id:guid?}"] = "------y",
        ["POST regions/groupings?handler=Delete"] = "------y",
        ["POST regions/{code}?handler=Delete"] = "-----yy",
        ["POST regions/{code}?handler=Save"] = "-----yy",
        ["GET me/signups"] = "-yyyyyy",
        ["GET me/notifications"] = "-yyyyyy",
        ["GET opportunities/{id:guid}/signup"] = "-yyyyyy",
        ["GET opportunities/{id:guid}/signups"] = "----y--",
        ["GET /api/v1/me/signups"] = "-yyyyyy",
        ["POST /api/v1/opportunities/{id:guid}/signups"] = "-yyyyyy",
        ["POST /api/v1/signups/{id:guid}/cancel"] = "-nnnynn",
        ["POST /api/v1/signups/{id:guid}/approve"] = "-nnnynn",
        ["POST /api/v1/signups/{id:guid}/decline"] = "-nnnynn",
        ["POST me/signups?handler=Cancel"] = "-nnnnnn",
        ["POST me/notifications?handler=Read"] = "-yyyyyy",
        ["POST me/notifications?handler=ReadAll"] = "-yyyyyy",
        ["POST me/notifications?handler=Digest"] = "-yyyyyy",
        ["POST opportunities/{id:guid}/signup"] = "-yyyyyy",
        ["POST opportunities/{id:guid}/signups?handler=Approve"] = "----y--",
        ["POST opportunities/{id:guid}/signups?handler=Decline"] = "----y--",
        ["POST opportunities/{id:guid}/signups?handler=Cancel"] = "----y--",
        ["GET opportunities/{id:guid}/roster"] = "----y--",
        ["POST opportunities/{id:guid}/roster?handler=CheckIn"] = "----y--",
        ["POST opportunities/{id:guid}/roster?handler=CheckOut"] = "----y--",
        ["POST opportunities/{id:guid}/roster?handler=Hours"] = "----y--",
        ["POST opportunities/{id:guid}/roster?handler=Code"] = "----y--",
        ["GET checkin"] = "-yyyyyy",
        ["POST checkin"] = "-yyyyyy",
        ["GET me/hours"] = "-yyyyyy",
        ["POST me/hours"] = "-yyyyyy",
        ["GET me/record"] = "-yyyyyy",
        ["GET organizations/{id:guid}/hours"] = "----y--",
        ["POST organizations/{id:guid}/hours?handler=Approve"] = "----y--",
        ["POST organizations/{id:guid}/hours?handler=Reject"] = "----y--",
        ["GET organizations/{id:guid}/certificates"] = "----y--",
        ["POST organizations/{id:guid}/certificates"] = "----y--",
        ["GET certificates/{id:guid}"] = "-nnnynn",
        ["POST /api/v1/signups/{id:guid}/check-in"] = "-nnnynn",
        ["POST /api/v1/signups/{id:guid}/check-out"] = "-nnnynn",
        ["PUT /api/v1/signups/{id:guid}/hours"] = "-nnnynn",
        ["POST /api/v1/check-in"] = "-yyyyyy",
        ["POST /api/v1/me/hours"] = "-yyyyyy",
        ["POST /api/v1/hours-reports/{id:guid}/approve"] = "-nnnynn",
        ["POST /api/v1/hours-reports/{id:guid}/reject"] = "-nnnynn",
        ["GET /api/v1/me/record"] = "-yyyyyy",
        ["PUT /api/v1/opportunities/{id:guid}"] = "----y--",
        ["PUT /api/v1/me/profile"] = "-yyyyyy",
        ["PUT /api/v1/organizations/{id:guid}"] = "----y--",
        // Pro bono: challenges (the subject organization's, waiting for review), the review queue, rounds, /me/probono.
        ["GET organizations/{id:guid}/challenges"] = "----y--",
        ["GET organizations/{id:guid}/challenges/new"] = "----y--",
        ["POST organizations/{id:guid}/challenges/new"] = "----y--",
        ["GET probono/challenges/{id:guid}"] = "-nnnyyy",
        ["GET probono/challenges/{id:guid}/edit"] = "-nnnynn",
        ["POST probono/challenges/{id:guid}/edit"] = "-nnnynn",
        ["GET probono/review"] = "-----yy",
        ["POST probono/review?handler=Accept"] = "-----yy",
        ["POST probono/review?handler=RequestChanges"] = "-----yy",
        ["POST probono/review?handler=Decline"] = "-----yy",
        ["POST probono/review?handler=AddToRound"] = "-----yy",
        ["GET probono/rounds"] = "-----yy",
        ["POST probono/rounds"] = "-----yy",
        ["GET probono/rounds/{id:guid}"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Add"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Run"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Send"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Close"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Lock"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Unlock"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Remove"] = "-----yy",
        ["POST probono/rounds/{id:guid}?handler=Replace"] = "-----yy",
        // Projects: the subject organization's admins work on them (a member of the team would too), coordinators read;
        // only team members record time, and only their own entries can be taken back.
        ["GET probono/projects"] = "-----yy",
        ["GET probono/projects/{id:guid}"] = "-nnnyyy",
        ["POST probono/projects/{id:guid}?handler=Entry"] = "-nnny--",
        ["POST probono/projects/{id:guid}?handler=Phase"] = "-nnny--",
        ["POST probono/projects/{id:guid}?handler=Schedule"] = "-nnny--",
        ["POST probono/projects/{id:guid}?handler=Item"] = "-nnny--",
        ["POST probono/projects/{id:guid}?handler=Check"] = "-nnny--",
        ["POST probono/projects/{id:guid}?handler=Time"] = "-nnn---",
        ["POST probono/projects/{id:guid}?handler=RemoveTime"] = "-nnnn--",
        ["GET probono/projects/{id:guid}/evaluation"] = "-nnnyyy",
        ["POST probono/projects/{id:guid}/evaluation?handler=Evaluate"] = "-nnny--",
        ["POST probono/projects/{id:guid}/evaluation?handler=FollowUp"] = "-nnny--",
        // Deliverables: the project's people list them (coordinators read); its admins and team add; each takes back their own
        // (the subject deliverable is the founder's, so no actor of the table may take it back). Publishing as a case is
        // the organization admins' decision; the library is public.
        ["GET probono/projects/{id:guid}/deliverables"] = "-nnnyyy",
        ["POST probono/projects/{id:guid}/deliverables?handler=Upload"] = "-nnny--",
        ["POST probono/projects/{id:guid}/deliverables?handler=Link"] = "-nnny--",
        ["POST probono/projects/{id:guid}/deliverables?handler=Remove"] = "-nnnn--",
        ["GET probono/projects/{id:guid}/case"] = "-nnny--",
        ["POST probono/projects/{id:guid}/case"] = "-nnny--",
        ["POST probono/projects/{id:guid}/case?handler=Withdraw"] = "-nnny--",
        ["GET probono/cases"] = "yyyyyyy",
        ["GET probono/cases/{id:guid}"] = "yyyyyyy",
        ["GET me/probono"] = "-yyyyyy",
        ["POST me/probono"] = "-yyyyyy",
        ["POST me/probono?handler=OptOut"] = "-yyyyyy",
        ["POST me/probono?handler=Accept"] = "-nnnnnn",
        ["POST me/probono?handler=Decline"] = "-nnnnnn",
        ["POST /api/v1/probono/team-formation/solve"] = "-----yy",
        // Short expert sessions: the subject organization's request (waiting for a professional); coordinators assign or
        // decline it; its admins cancel, record the outcome and leave a note; a professional answers only their own.
        ["GET organizations/{id:guid}/expert-sessions"] = "----y--",
        ["GET organizations/{id:guid}/expert-sessions/new"] = "----y--",
        ["POST organizations/{id:guid}/expert-sessions/new"] = "----y--",
        ["GET probono/expert-sessions"] = "-----yy",
        ["GET probono/expert-sessions/{id:guid}"] = "-nnnyyy",
        ["POST probono/expert-sessions/{id:guid}?handler=Assign"] = "-----yy",
        ["POST probono/expert-sessions/{id:guid}?handler=Decline"] = "-----yy",
        ["POST probono/expert-sessions/{id:guid}?handler=Cancel"] = "-nnny--",
        ["POST probono/expert-sessions/{id:guid}?handler=Outcome"] = "-nnny--",
        ["POST probono/expert-sessions/{id:guid}?handler=Note"] = "-nnny--",
        ["POST me/probono?handler=AcceptSession"] = "-nnnnnn",
        ["POST me/probono?handler=DeclineSession"] = "-nnnnnn",
        // Collaboration after adoption: the two sides of the subject organization's adopted proposal (its admins, and
        // government staff) work on the agreement, the pilot and the evaluation; the results and their API are public.
        ["GET collaboration/proposals/{id:guid}/agreement"] = "-nnnyyy",
        ["POST collaboration/proposals/{id:guid}/agreement?handler=Save"] = "-nnnyyy",
        ["POST collaboration/proposals/{id:guid}/agreement?handler=Sign"] = "-nnnyyy",
        ["GET collaboration/pilots/{id:guid}"] = "-nnnyyy",
        ["POST collaboration/pilots/{id:guid}?handler=Milestone"] = "-nnnyyy",
        ["POST collaboration/pilots/{id:guid}?handler=Reach"] = "-nnnyyy",
        ["POST collaboration/pilots/{id:guid}?handler=Report"] = "-nnnyyy",
        ["POST collaboration/pilots/{id:guid}?handler=Decide"] = "-nnn-yy",
        ["GET collaboration/pilots/{id:guid}/evaluation"] = "-nnnyyy",
        ["POST collaboration/pilots/{id:guid}/evaluation"] = "-nnnyyy",
        ["GET collaboration/results"] = "yyyyyyy",
        ["GET /api/v1/collaboration/pilots/"] = "yyyyyyy",
        // The /collaboration entrance (from the model's commit, which had no row).
        ["GET collaboration"] = "yyyyyyy",
        ["GET /api/v1/collaboration/pilots/{id:guid}"] = "yyyyyyy",
        // Places for dialogue: public list and meeting page; the subject opportunity's organizers make it a meeting (it already
        // is one, so they are shown the existing one); its organizers and government staff manage the meeting.
        ["GET collaboration/dialogue"] = "yyyyyyy",
        ["GET collaboration/dialogue/new"] = "-yyyyyy",
        ["POST collaboration/dialogue/new"] = "----y--",
        ["GET collaboration/dialogue/{id:guid}"] = "yyyyyyy",
        ["GET collaboration/dialogue/{id:guid}/manage"] = "----yyy",
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Plan"] = "----yyy",
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Minutes"] = "----yyy",
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Action"] = "----yyy",
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Complete"] = "----yyy",
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Reopen"] = "----yyy",
        // Collaboration, the initiative registry: public to read; staff register for anyone and an organization's admins for
        // their own (the subject initiative is the subject organization's); the government view is staff only.
        ["GET collaboration/initiatives"] = "yyyyyyy",
        ["GET collaboration/initiatives/new"] = "--y-yyy",
        ["POST collaboration/initiatives/new"] = "--y-yyy",
        ["GET collaboration/initiatives/{id:guid}"] = "yyyyyyy",
        ["POST collaboration/initiatives/{id:guid}?handler=Move"] = "----yyy",
        ["POST collaboration/initiatives/{id:guid}?handler=End"] = "----yyy",
        ["POST collaboration/initiatives/{id:guid}?handler=Assess"] = "----yyy",
        ["GET collaboration/initiatives/{id:guid}/edit"] = "----yyy",
        ["POST collaboration/initiatives/{id:guid}/edit"] = "----yyy",
        ["GET collaboration/government"] = "-----yy",
        ["GET /api/v1/initiatives"] = "yyyyyyy",
        ["GET /api/v1/initiatives/{id:guid}"] = "yyyyyyy",
        // Trial-collaboration calls: public lists and pages, run by staff (the subject call is open, its deadline ahead);
        // anyone signed in proposes; the subject proposal is a draft by the subject organization's founder for it, so its
        // admins write it and staff read it; the review page is for the call's reviewers only (none of the actors).
        ["GET collaboration/calls"] = "yyyyyyy",
        ["GET collaboration/calls/new"] = "-----yy",
        ["POST collaboration/calls/new"] = "-----yy",
        ["GET collaboration/calls/{id:guid}"] = "yyyyyyy",
        ["POST collaboration/calls/{id:guid}?handler=Open"] = "-----yy",
        ["POST collaboration/calls/{id:guid}?handler=AddReviewer"] = "-----yy",
        ["POST collaboration/calls/{id:guid}?handler=RemoveReviewer"] = "-----yy",
        ["POST collaboration/calls/{id:guid}?handler=Schedule"] = "-----yy",
        ["POST collaboration/calls/{id:guid}?handler=StartReview"] = "-----yy",
        ["POST collaboration/calls/{id:guid}?handler=Close"] = "-----yy",
        ["GET collaboration/calls/{id:guid}/edit"] = "-----yy",
        ["POST collaboration/calls/{id:guid}/edit"] = "-----yy",
        ["GET collaboration/calls/{id:guid}/review"] = "-----yy",
        ["POST collaboration/calls/{id:guid}/review?handler=Decide"] = "-----yy",
        ["GET collaboration/calls/{id:guid}/propose"] = "-yyyyyy",
        ["POST collaboration/calls/{id:guid}/propose"] = "-yyyyyy",
        ["GET collaboration/proposals/{id:guid}"] = "-nnnyyy",
        ["POST collaboration/proposals/{id:guid}?handler=Save"] = "-nnny--",
        ["POST collaboration/proposals/{id:guid}?handler=Upload"] = "-nnny--",
        ["POST collaboration/proposals/{id:guid}?handler=RemoveAttachment"] = "-nnnn--",
        ["POST collaboration/proposals/{id:guid}?handler=AddCoProposer"] = "-nnny--",
        ["POST collaboration/proposals/{id:guid}?handler=RemoveCoProposer"] = "-nnny--",
        ["POST collaboration/proposals/{id:guid}?handler=Submit"] = "-nnny--",
        ["GET collaboration/proposals/{id:guid}/review"] = "-nnnnnn",
        ["POST collaboration/proposals/{id:guid}/review?handler=Declare"] = "-nnnnnn",
        ["POST collaboration/proposals/{id:guid}/review?handler=Score"] = "-nnnnnn",
        ["GET /api/v1/collaboration/calls"] = "yyyyyyy",
        ["GET /api/v1/collaboration/calls/{id:guid}"] = "yyyyyyy",
        ["GET /api/v1/collaboration/proposals/adopted"] = "yyyyyyy",
        // Impact: reports. The report is the model's to see; its admins share it; the shared link is for anyone holding it
        // (the sharing forms carry the current link, so the matrix's bodiless posts change nothing).
        ["GET impact/models/{id:guid}/report"] = "-nnyyyy",
        ["POST impact/models/{id:guid}/report?handler=Share"] = "-nn-y--",
        ["POST impact/models/{id:guid}/report?handler=StopSharing"] = "-nn-y--",
        ["GET impact/reports/{token}"] = "yyyyyyy",
        // Impact: A — logic models. Anyone signed in sees the list (of what they may see); an organization's admins make a
        // model for it (the body names the subject organization: a member or staff only sees its models, others do not);
        // the subject model is seen by its members and staff and changed by its admins. Posting without a body changes
        // nothing: the editor's forms and the delete (which needs its confirmation) answer with a message.
        ["GET impact"] = "-yyyyyy",
        ["GET impact/models/new"] = "--y-y--",
        ["POST impact/models/new"] = "-nn-y--",
        ["GET impact/models/{id:guid}"] = "-nnyyyy",
        ["POST impact/models/{id:guid}?handler=AddElement"] = "-nn-y--",
        ["POST impact/models/{id:guid}?handler=EditElement"] = "-nn-y--",
        ["POST impact/models/{id:guid}?handler=Move"] = "-nn-y--",
        ["POST impact/models/{id:guid}?handler=DeleteElement"] = "-nn-y--",
        ["POST impact/models/{id:guid}?handler=AddLink"] = "-nn-y--",
        ["POST impact/models/{id:guid}?handler=DeleteLink"] = "-nn-y--",
        ["GET impact/models/{id:guid}/edit"] = "-nn-y--",
        ["POST impact/models/{id:guid}/edit"] = "-nn-y--",
        ["POST impact/models/{id:guid}/edit?handler=Delete"] = "-nn-y--",
        // End of Impact: A
        // Impact: B — indicators, measurements and frozen evaluations of the subject model: its organization's members and
        // staff see them, its admins change them (a bodyless post meets a validation message: deletions need a confirmation).
        ["GET impact/models/{id:guid}/indicators"] = "-nnyyyy",
        ["GET impact/models/{id:guid}/indicators/new"] = "-nn-y--",
        ["POST impact/models/{id:guid}/indicators/new"] = "-nn-y--",
        ["GET impact/models/{id:guid}/indicators/{indicatorId:guid}"] = "-nnyyyy",
        ["POST impact/models/{id:guid}/indicators/{indicatorId:guid}?handler=Record"] = "-nn-y--",
        ["POST impact/models/{id:guid}/indicators/{indicatorId:guid}?handler=DeleteMeasurement"] = "-nn-y--",
        ["GET impact/models/{id:guid}/indicators/{indicatorId:guid}/edit"] = "-nn-y--",
        ["POST impact/models/{id:guid}/indicators/{indicatorId:guid}/edit"] = "-nn-y--",
        ["POST impact/models/{id:guid}/indicators/{indicatorId:guid}/edit?handler=Delete"] = "-nn-y--",
        ["GET impact/models/{id:guid}/indicators/{indicatorId:guid}/measurements/{measurementId:guid}/evidence"] = "-nnyyyy",
        ["GET impact/models/{id:guid}/snapshots"] = "-nnyyyy",
        ["POST impact/models/{id:guid}/snapshots?handler=Freeze"] = "-nn-y--",
        // Impact: C
        ["GET impact/models/{id:guid}/sroi"] = "-nnyyyy",
        ["POST impact/models/{id:guid}/sroi?handler=Settings"] = "-nn-y--",
        ["POST impact/models/{id:guid}/sroi?handler=AddInvestment"] = "-nn-y--",
        ["POST impact/models/{id:guid}/sroi?handler=RemoveInvestment"] = "-nn-y--",
        ["POST impact/models/{id:guid}/sroi?handler=SaveOutcome"] = "-nn-y--",
        ["POST impact/models/{id:guid}/sroi?handler=RemoveOutcome"] = "-nn-y--",
        ["POST /api/v1/impact/sroi/calculate"] = "yyyyyyy",
        // Funds: donations
        ["GET campaigns"] = "yyyyyyy",
        ["GET campaigns/new"] = "--y-y--",
        ["POST campaigns/new"] = "--y-y--",
        ["GET campaigns/{id:guid}"] = "yyyyyyy",
        ["GET campaigns/{id:guid}/edit"] = "----y--",
        ["POST campaigns/{id:guid}/edit"] = "----y--",
        ["GET donate/{target}/{id:guid}"] = "-yyyyyy",
        ["POST donate/{target}/{id:guid}"] = "-yyyyyy",
        ["GET me/donations"] = "-yyyyyy",
        ["POST me/donations?handler=ChangeAmount"] = "-nnnnnn",
        ["POST me/donations?handler=Pause"] = "-nnnnnn",
        ["POST me/donations?handler=Resume"] = "-nnnnnn",
        ["POST me/donations?handler=Stop"] = "-nnnnnn",
        ["GET me/donations/{id:guid}"] = "-nnnnnn",
        ["GET me/receipts"] = "-yyyyyy",
        ["GET me/receipts/{id:guid}"] = "-nnnnnn",
        ["POST me/receipts/{id:guid}?handler=Reissue"] = "-nnnnnn",
        ["GET me/receipts/summary/{year:int}"] = "-yyyyyy",
        ["GET organizations/{id:guid}/donations"] = "-nn-ynn",
        ["POST organizations/{id:guid}/donations?handler=Confirm"] = "-nn-ynn",
        ["POST organizations/{id:guid}/donations?handler=Import"] = "-nn-ynn",
        ["POST organizations/{id:guid}/donations?handler=Record"] = "-nn-ynn",
        ["GET organizations/{id:guid}/donations/settings"] = "-nn-ynn",
        ["POST organizations/{id:guid}/donations/settings"] = "-nn-ynn",
        // End of Funds: donations
        // Funds: grants
        ["GET /api/v1/funds/grants/360giving"] = "yyyyyyy",
        ["GET applications/{id:guid}"] = "-nnnynn",
        ["GET applications/{id:guid}/review"] = "-nnn-nn",
        ["GET awards/{id:guid}"] = "-nnnynn",
        ["GET funds"] = "yyyyyyy",
        ["GET funds/new"] = "-yyyyyy",
        ["GET funds/{id:guid}"] = "yyyyyyy",
        ["GET funds/{id:guid}/edit"] = "----y--",
        ["GET funds/{id:guid}/programmes/new"] = "----y--",
        ["GET programmes"] = "yyyyyyy",
        ["GET programmes/{id:guid}"] = "yyyyyyy",
        ["GET programmes/{id:guid}/apply"] = "-yyyyyy",
        ["GET programmes/{id:guid}/manage"] = "-nnnynn",
        ["POST applications/{id:guid}/review"] = "-nnn-nn",
        ["POST applications/{id:guid}?handler=RemoveAttachment"] = "-nnn-nn",
        ["POST applications/{id:guid}?handler=Save"] = "-nnn-nn",
        ["POST applications/{id:guid}?handler=Submit"] = "-nnn-nn",
        ["POST applications/{id:guid}?handler=Upload"] = "-nnn-nn",
        ["POST awards/{id:guid}?handler=AddInstalment"] = "-nnnynn",
        ["POST awards/{id:guid}?handler=Close"] = "-nnnynn",
        ["POST awards/{id:guid}?handler=LinkModel"] = "-nnn-nn",
        ["POST awards/{id:guid}?handler=Pay"] = "-nnnynn",
        ["POST awards/{id:guid}?handler=RemoveInstalment"] = "-nnnynn",
        ["POST awards/{id:guid}?handler=Report"] = "-nnn-nn",
        ["POST funds/new"] = "--y-y--",
        ["POST funds/{id:guid}/edit"] = "----y--",
        ["POST funds/{id:guid}/programmes/new"] = "----y--",
        ["POST programmes/{id:guid}/apply"] = "-yyyyyy",
        ["POST programmes/{id:guid}/manage?handler=AddReviewer"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=Award"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=Close"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=Decline"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=Open"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=RecordCost"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=RecordFunding"] = "-nnnynn",
        ["POST programmes/{id:guid}/manage?handler=RemoveReviewer"] = "-nnnynn",
        // End of Funds: grants
        // Funds: SIB
        // Social impact bonds. Anyone signed in sees the list (of the contracts they may see); an organization's admins start
        // one; the subject contract (payer and evaluator: the subject organization; concluded) is seen by its parties' members
        // and staff; its payer's admins conclude, edit and approve, its evaluator's members enter results, only the
        // intermediary's admins (another organization) distribute. Bodyless posts change nothing (confirmations, a chosen line).
        ["GET sib"] = "-yyyyyy",
        ["GET sib/new"] = "--y-y--",
        ["POST sib/new"] = "--y-y--",
        ["GET sib/{id:guid}"] = "-nnyyyy",
        ["POST sib/{id:guid}?handler=Conclude"] = "-nn-y--",
        ["GET sib/{id:guid}/edit"] = "-nn-y--",
        ["POST sib/{id:guid}/edit"] = "-nn-y--",
        ["GET sib/{id:guid}/results"] = "-nnyyyy",
        ["POST sib/{id:guid}/results?handler=Record"] = "-nnyy--",
        ["GET sib/{id:guid}/payments"] = "-nnyyyy",
        ["POST sib/{id:guid}/payments?handler=Approve"] = "-nn-y--",
        ["POST sib/{id:guid}/payments?handler=Distribute"] = "-nn----",
        ["POST /api/v1/funds/sib/settle"] = "yyyyyyy",
        // End of Funds: SIB
        // Funds: ledger. The full ledger is the organization's (for a fund, its holder's) members' and the staff's; the summary is public.
        ["GET organizations/{id:guid}/ledger"] = "-nnyyyy",
        ["GET funds/{id:guid}/ledger"] = "-nnyyyy",
        ["GET community-support"] = "yyyyyyy",
        // End of Funds: ledger
        // Insights: the landing page
        ["GET insights"] = "yyyyyyy",
        // Insights: dashboards
        ["GET insights/regions"] = "yyyyyyy",
        ["GET insights/regions/groupings/{id:guid}"] = "yyyyyyy",
        ["GET insights/regions/{code}"] = "yyyyyyy",
        ["GET insights/regions/compare"] = "yyyyyyy",
        // End of Insights: dashboards
        // Insights: population and map
        // The map, the open data's page and its API are public; the population behind them is the prefecture admins'.
        ["GET insights/map"] = "yyyyyyy",
        ["GET insights/open-data"] = "yyyyyyy",
        ["GET /api/v1/insights/figures"] = "yyyyyyy",
        ["GET admin/population"] = "------y",
        ["POST admin/population"] = "------y",
        // End of Insights: population and map
        // Insights: network
        ["GET insights/network"] = "-----yy",
        ["POST /api/v1/insights/network/metrics"] = "-----yy",
        // End of Insights: network
        // Insights: collective impact
        // The list and an initiative's overview are public; any organization's admin (or staff) starts one. The subject
        // initiative's backbone and partner is the subject organization: its admins manage, submit and keep the log; its
        // members and the staff read the submissions, dashboard and log (and are refused the rest); others get 404.
        ["GET insights/collective-impact"] = "yyyyyyy",
        ["GET insights/collective-impact/new"] = "--y-yyy",
        ["POST insights/collective-impact/new"] = "--y-yyy",
        ["GET insights/collective-impact/{id:guid}"] = "yyyyyyy",
        ["GET insights/collective-impact/{id:guid}/edit"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit?handler=AddPartner"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit?handler=RemovePartner"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit?handler=AddIndicator"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit?handler=ShareIndicator"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/edit?handler=UnshareIndicator"] = "-nn-y--",
        ["GET insights/collective-impact/{id:guid}/submissions"] = "-nnyyyy",
        ["POST insights/collective-impact/{id:guid}/submissions?handler=Submit"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/submissions?handler=AddActivity"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/submissions?handler=ChangeActivity"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/submissions?handler=RemoveActivity"] = "-nn-y--",
        ["GET insights/collective-impact/{id:guid}/dashboard"] = "-nnyyyy",
        ["GET insights/collective-impact/{id:guid}/log"] = "-nnyyyy",
        ["POST insights/collective-impact/{id:guid}/log"] = "-nn-y--",
        ["POST insights/collective-impact/{id:guid}/log?handler=Remove"] = "-nn-y--",
        // End of Insights: collective impact
        // Insights: policy registry
        // The coverage matrix is the government side's, as the government view of the registry.
        ["GET insights/policy"] = "-----yy",
        // End of Insights: policy registry
    };

    /// <summary>
    /// What forms that name their subject in the body send (a key of <see cref="World"/>'s values or of <see cref="Deletable"/>,
    /// or the text itself), so that the actor the table lets in is shown to act on it, not only to pass authorization and meet a 404 for a thing
    /// the request never named.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Bodies = new(StringComparer.Ordinal)
    {
        ["POST opportunities/{id:guid}/signups?handler=Approve"] = new() { ["SignUpId"] = "{id:guid}@signups" },
        ["POST opportunities/{id:guid}/signups?handler=Decline"] = new() { ["SignUpId"] = "{id:guid}@signups" },
        ["POST opportunities/{id:guid}/signups?handler=Cancel"] = new() { ["SignUpId"] = "{id:guid}@signups" },
        ["POST organizations/{id:guid}/hours?handler=Approve"] = new() { ["ReportId"] = "{id:guid}@hours-reports" },
        ["POST organizations/{id:guid}/hours?handler=Reject"] = new() { ["ReportId"] = "{id:guid}@hours-reports" },
        ["POST organizations/{id:guid}/members?handler=ChangeRole"] = new() { ["accountId"] = "{accountId:guid}", ["role"] = "Member" },
        ["POST organizations/{id:guid}/members?handler=Remove"] = new() { ["accountId"] = "{accountId:guid}" },
        ["POST organizations/verification?handler=Verify"] = new() { ["id"] = "{orgId:guid}" },
        ["POST organizations/verification?handler=RequestChanges"] = new() { ["id"] = "{orgId:guid}", ["note"] = "表の確認" },
        ["POST probono/review?handler=Accept"] = new() { ["id"] = "{id:guid}@challenges" },
        ["POST probono/review?handler=RequestChanges"] = new() { ["id"] = "{id:guid}@challenges", ["note"] = "表の確認" },
        ["POST probono/review?handler=Decline"] = new() { ["id"] = "{id:guid}@challenges", ["note"] = "表の確認" },
        ["POST probono/review?handler=AddToRound"] = new() { ["id"] = "{id:guid}@challenges", ["roundId"] = "{id:guid}@rounds" },
        ["POST organizations/{id:guid}/journey?handler=Reinvite"] = new() { ["accountId"] = "{accountId:guid}@journey" },
        ["POST organizations/{id:guid}/journey?handler=InviteToCoPlan"] = new() { ["accountId"] = "{accountId:guid}@journey" },
        ["POST probono/rounds/{id:guid}?handler=Lock"] = new() { ["assignmentId"] = "{id:guid}@assignments" },
        ["POST probono/rounds/{id:guid}?handler=Unlock"] = new() { ["assignmentId"] = "{id:guid}@assignments" },
        ["POST probono/rounds/{id:guid}?handler=Remove"] = new() { ["assignmentId"] = "{id:guid}@assignments" },
        ["POST probono/rounds/{id:guid}?handler=Replace"] = new() { ["assignmentId"] = "{id:guid}@assignments" },
        ["POST probono/projects/{id:guid}?handler=Phase"] = new() { ["kind"] = "Orientation", ["done"] = "true" },
        ["POST probono/projects/{id:guid}?handler=Schedule"] = new() { ["Schedule.Kind"] = "Orientation" },
        ["POST probono/projects/{id:guid}?handler=Check"] = new() { ["itemId"] = "{id:guid}@handover-items", ["done"] = "true" },
        ["POST probono/projects/{id:guid}/deliverables?handler=Remove"] = new() { ["deliverableId"] = "{id:guid}@deliverables" },
        ["POST regions/groupings?handler=Delete"] = new() { ["id"] = "{id:guid}@groupings" },
        ["POST regions/{code}?handler=Delete"] = new() { ["id"] = "{id:guid}@local-challenges" },
        ["POST collaboration/pilots/{id:guid}?handler=Reach"] = new() { ["milestoneId"] = "{id:guid}@milestones", ["reached"] = "true" },
        ["POST collaboration/dialogue/new"] = new() { ["opportunity"] = "{id:guid}@opportunities" },
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Complete"] = new() { ["actionId"] = "{id:guid}@follow-up-actions" },
        ["POST collaboration/dialogue/{id:guid}/manage?handler=Reopen"] = new() { ["actionId"] = "{id:guid}@follow-up-actions" },
        ["POST collaboration/calls/{id:guid}/review?handler=Decide"] = new() { ["Decision.ProposalId"] = "{id:guid}@proposals" },
        // Impact: A
        ["POST impact/models/new"] = new() { ["Input.OrganizationId"] = "{orgId:guid}" },
        // Impact: B
        ["POST impact/models/{id:guid}/indicators/{indicatorId:guid}?handler=DeleteMeasurement"] = new() { ["measurementId"] = "{measurementId:guid}" },
        // Funds: donations
        ["POST me/donations?handler=ChangeAmount"] = new() { ["planId"] = "{planId:guid}@donations", ["amount"] = "5000" },
        ["POST me/donations?handler=Pause"] = new() { ["planId"] = "{planId:guid}@donations" },
        ["POST me/donations?handler=Resume"] = new() { ["planId"] = "{planId:guid}@donations" },
        ["POST me/donations?handler=Stop"] = new() { ["planId"] = "{planId:guid}@donations" },
        ["POST organizations/{id:guid}/donations?handler=Confirm"] = new() { ["donationId"] = "{id:guid}@donations" },
        // End of Funds: donations
        // Insights: collective impact
        ["POST insights/collective-impact/{id:guid}/submissions?handler=Submit"] = new() { ["OrganizationId"] = "{orgId:guid}" },
        ["POST insights/collective-impact/{id:guid}/submissions?handler=AddActivity"] = new() { ["ActivityOrganizationId"] = "{orgId:guid}" },
        // End of Insights: collective impact
    };

    /// <summary>
    /// What a permitted request deletes, made anew for every request whose body names it: each actor the table lets in
    /// then finds one to delete, whoever deleted one before it (the seeded groupings stay for the pages that show them).
    /// </summary>
    private static readonly Dictionary<string, Func<AppDbContext, Guid>> Deletable = new(StringComparer.Ordinal)
    {
        ["{id:guid}@groupings"] = db => db.Add(new RegionalGrouping("120006", "消す地域", "Area to delete", 99, [])).Entity.Id,
        ["{id:guid}@local-challenges"] = db => db.Add(new LocalChallenge("121002", "消す地域課題", [], DateTimeOffset.UtcNow, null)).Entity.Id,
    };

    /// <summary>Routes that end the actor's session, asked last and in this order.</summary>
    private static readonly string[] SessionEnding = ["POST account/personal-data?handler=Delete", "POST account/logout"];

    [Fact]
    public async Task Every_route_allows_exactly_the_actors_the_table_says()
    {
        var routes = Routes();
        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(r => !routes.Contains(r)).ToList();

        var world = await World.CreateAsync(app);
        var observed = new Dictionary<string, char[]>(StringComparer.Ordinal);
        foreach (var route in routes) observed[route] = new char[Enum.GetValues<Actor>().Length];
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var client = await world.ClientAsync(actor);
            foreach (var route in routes.OrderBy(r => Array.IndexOf(SessionEnding, r)).ThenBy(r => r.StartsWith("GET", StringComparison.Ordinal) ? 0 : 1))
                observed[route][(int)actor] = await world.AsksAsync(client, route);
        }

        var wrong = routes.Where(r => Matrix.TryGetValue(r, out var expected) && expected != new string(observed[r])).ToList();
        var report = new StringBuilder();
        foreach (var r in missing) report.AppendLine(CultureInfo.InvariantCulture, $"missing: [\"{r}\"] = \"{new string(observed[r])}\",");
        foreach (var r in wrong) report.AppendLine(CultureInfo.InvariantCulture, $"differs: [\"{r}\"] = \"{new string(observed[r])}\", (table says \"{Matrix[r]}\")");
        foreach (var r in stale) report.AppendLine(CultureInfo.InvariantCulture, $"no such route any more: {r}");
        Assert.True(report.Length == 0, "\n" + report);
    }

    [Fact]
    public async Task Every_form_post_without_its_antiforgery_token_is_refused_before_it_does_anything()
    {
        var world = await World.CreateAsync(app);
        var clients = new Dictionary<Actor, HttpClient>();
        var accepted = new List<string>();
        foreach (var route in Routes().Where(r => r.StartsWith("POST ", StringComparison.Ordinal) && !r.Contains(" /api/", StringComparison.Ordinal)))
        {
            // Asked by someone the table lets through authorization (to the handler, or to its 404 for a thing not named
            // in this bodyless request), so that only the missing token can stop it; every form has such an actor.
            var expected = Matrix[route];
            var column = expected.IndexOf('y', StringComparison.Ordinal) is >= 0 and var y ? y : expected.IndexOf('n', StringComparison.Ordinal);
            Assert.True(column >= 0, $"{route}: nobody passes authorization, so nothing shows that it checks the token");
            var actor = (Actor)column;
            if (!clients.TryGetValue(actor, out var client)) clients[actor] = client = await world.ClientAsync(actor);
            var status = await world.PostWithoutTokenAsync(client, route);
            if (status != HttpStatusCode.BadRequest) accepted.Add($"{route} as {actor}: {(int)status}");
        }
        Assert.Empty(accepted);
    }

    /// <summary>"GET search", "POST account/tokens?handler=Create", "PUT /api/v1/organizations/{id:guid}": pages by their handlers, endpoints by their methods; static files left out.</summary>
    private List<string> Routes()
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                routes.Add($"GET {pattern}");
                foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod == "Post"))
                    routes.Add(handler.Name is null ? $"POST {pattern}" : $"POST {pattern}?handler={handler.Name}");
                continue;
            }
            if (!pattern.StartsWith('/')) continue; // static assets are mapped without a leading slash
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods) routes.Add($"{method} {pattern}");
        }
        return [.. routes];
    }

    /// <summary>The data the routes are asked about, and a signed-in client per actor.</summary>
    private sealed partial class World
    {
        private readonly TestApp app;
        private readonly Dictionary<string, string> values;

        private World(TestApp app, Dictionary<string, string> values)
        {
            this.app = app;
            this.values = values;
        }

        public static async Task<World> CreateAsync(TestApp app)
        {
            var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "表の会");
            var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("表の活動", DateTimeOffset.UtcNow.AddDays(7)));
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var grouping = await db.RegionalGroupings.AsNoTracking().Select(g => g.Id).FirstAsync();
            var someone = await db.Users.AsNoTracking().Select(u => u.Id).FirstAsync();
            var subjects = await Subjects.CreateAsync(app, organizationId, opportunityId);
            var dialogue = await DialogueSubjects.CreateAsync(app, opportunityId);
            var calls = await CallSubjects.CreateAsync(app, subjects.Founder, organizationId);
            var impact = await ImpactSubjects.CreateAsync(app, organizationId);
            var grants = await FundsGrantsSubjects.CreateAsync(app, organizationId);
            var donations = await FundsDonationsSubjects.CreateAsync(app, organizationId);
            // The subject of /people/{accountId}: the subject organization's founder, visible to organizations (and staff).
            var founder = subjects.Founder;
            var profile = new ResidentProfile(founder, DateTimeOffset.UtcNow);
            profile.Update(new ResidentProfileDetails(null, [], [], null, Availability.None, null, [], Tsunagari.Features.Opportunities.AccessibilityFeatures.None, [], ProfileVisibility.Organizations), DateTimeOffset.UtcNow);
            db.ResidentProfiles.Add(profile);
            await db.SaveChangesAsync();
            return new World(app, new(StringComparer.Ordinal)
            {
                ["{id:guid}@organizations"] = organizationId.ToString(),
                ["{orgId:guid}"] = organizationId.ToString(),
                ["{id:guid}@opportunities"] = opportunityId.ToString(),
                ["{id:guid}@accounts"] = someone.ToString(),
                ["{id:guid}@signups"] = subjects.SignUp.ToString(),
                ["{id:guid}@hours-reports"] = subjects.HoursReport.ToString(),
                ["{id:guid}@certificates"] = subjects.Certificate.ToString(),
                ["{id:guid}@challenges"] = subjects.Challenge.ToString(),
                ["{id:guid}@rounds"] = subjects.Round.ToString(),
                ["{id:guid}@assignments"] = subjects.Assignment.ToString(),
                ["{id:guid}@projects"] = subjects.Project.ToString(),
                ["{id:guid}@handover-items"] = subjects.HandOverItem.ToString(),
                ["{id:guid}@expert-sessions"] = subjects.ExpertSession.ToString(),
                ["{id:guid}@deliverables"] = subjects.Deliverable.ToString(),
                ["{id:guid}@cases"] = subjects.Case.ToString(),
                ["{id:guid}@dialogue"] = dialogue.Meeting.ToString(),
                ["{id:guid}@follow-up-actions"] = dialogue.Action.ToString(),
                ["{id:guid}@initiatives"] = (await InitiativeSubjects.CreateAsync(app, organizationId)).ToString(),
                ["{id:guid}@calls"] = calls.Call.ToString(),
                ["{id:guid}@proposals"] = calls.Proposal.ToString(),
                ["{accountId:guid}@journey"] = subjects.Regular.ToString(),
                ["{accountId:guid}"] = founder.ToString(),
                ["{id:guid?}"] = grouping.ToString(),
                ["{id:int?}"] = "1",
                ["{code}"] = "121002",
                ["{code:int?}"] = "400",
                ["{secret}"] = "not-a-real-invitation",
                ["{documentName}"] = "v1",
                ["{id:guid}@proposals/agreement"] = subjects.Pilots!.Proposal.ToString(),
                ["{id:guid}@pilots"] = subjects.Pilots.Pilot.ToString(),
                ["{id:guid}@milestones"] = subjects.Pilots.Milestone.ToString(),
                ["{id:guid}@models"] = impact.Model.ToString(),
                ["{indicatorId:guid}"] = impact.Indicator.ToString(),
                ["{measurementId:guid}"] = impact.Measurement.ToString(),
                ["{token}"] = impact.ShareToken,
                // Funds: donations
                ["{id:guid}@campaigns"] = donations.Campaign.ToString(),
                ["{id:guid}@{target}"] = donations.Campaign.ToString(),
                ["{target}"] = "campaign",
                ["{id:guid}@donations"] = donations.Expected.ToString(),
                ["{planId:guid}@donations"] = donations.Plan.ToString(),
                ["{id:guid}@receipts"] = donations.Receipt.ToString(),
                ["{year:int}"] = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture),
                // End of Funds: donations
                // Funds: grants
                ["{id:guid}@funds"] = grants.Fund.ToString(),
                ["{id:guid}@programmes"] = grants.Programme.ToString(),
                ["{id:guid}@applications"] = grants.Application.ToString(),
                ["{id:guid}@awards"] = grants.Award.ToString(),
                // End of Funds: grants
                // Funds: SIB
                ["{id:guid}@sib"] = (await FundsSibSubjects.CreateAsync(app, organizationId)).ToString(),
                // End of Funds: SIB
                // Insights: dashboards
                ["{id:guid}@groupings"] = (await InsightsDashboardsSubjects.CreateAsync(app)).ToString(),
                // End of Insights: dashboards
                // Insights: population and map
                // End of Insights: population and map
                // Insights: network
                // End of Insights: network
                // Insights: collective impact
                ["{id:guid}@collective-impact"] = (await InsightsCollectiveImpactSubjects.CreateAsync(app, organizationId)).ToString(),
                // End of Insights: collective impact
                // Insights: policy registry
                // End of Insights: policy registry
            });
        }

        public async Task<HttpClient> ClientAsync(Actor actor)
        {
            var organizationId = Guid.Parse(values["{orgId:guid}"]);
            switch (actor)
            {
                case Actor.Anonymous:
                    return app.CreateBrowser();
                case Actor.Coordinator:
                    return await app.SignInAsync(Roles.Coordinator);
                case Actor.PrefectureAdmin:
                    return await app.SignInAsync(Roles.PrefectureAdmin);
                case Actor.Resident:
                    return await app.SignInAsync(Roles.Resident);
                case Actor.OtherOrganizationAdmin:
                    return (await OpportunityData.OrgAdminAsync(app, "隣の会")).Browser;
            }
            var email = $"{actor.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
            var browser = await app.SignInAsync(Roles.Resident, email);
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            db.Memberships.Add(new Membership(organizationId, account.Id, actor == Actor.Member ? MembershipRole.Member : MembershipRole.Admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return browser;
        }

        /// <summary>'y' when the request reached its handler, '-' when authorization turned it away, 'n' for a 404.</summary>
        public async Task<char> AsksAsync(HttpClient client, string route)
        {
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            var method = route[..space];
            var url = Url(route[(space + 1)..]);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (method != "GET")
            {
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                else
                {
                    var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client) };
                    foreach (var (field, value) in Bodies.GetValueOrDefault(route) ?? [])
                        form[field] = Deletable.TryGetValue(value, out var make) ? await MakeAsync(make) : values.GetValueOrDefault(value, value);
                    request.Content = new FormUrlEncodedContent(form);
                }
            }
            var response = await client.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.NotFound) return 'n';
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return '-';
            var location = response.Headers.Location?.OriginalString ?? "";
            return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && Refusals().IsMatch(location) ? '-' : 'y';
        }

        /// <summary>A new one of <see cref="Deletable"/>'s things, for this request only.</summary>
        private async Task<string> MakeAsync(Func<AppDbContext, Guid> make)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = make(db);
            await db.SaveChangesAsync();
            return id.ToString();
        }

        public async Task<HttpStatusCode> PostWithoutTokenAsync(HttpClient client, string route)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" });
            return (await client.PostAsync(new Uri(Url(route["POST ".Length..]), UriKind.Relative), content)).StatusCode;
        }

        private string Url(string pattern)
        {
            var url = pattern.StartsWith('/') ? pattern : "/" + pattern;
            var segments = url.Split('/');
            var at = Array.FindIndex(segments, s => s.StartsWith("{id:guid}", StringComparison.Ordinal));
            if (at > 0)
            {
                // A page under a subject may need a subject of its own: the agreement needs an adopted proposal.
                var key = "{id:guid}@" + segments[at - 1];
                var under = at + 1 < segments.Length ? $"{key}/{segments[at + 1].Split('?')[0]}" : "";
                url = url.Replace("{id:guid}", values.GetValueOrDefault(under) ?? values[key], StringComparison.Ordinal);
            }
            foreach (var (key, value) in values.Where(v => !v.Key.Contains('@', StringComparison.Ordinal)))
                url = url.Replace(key, value, StringComparison.Ordinal);
            return url;
        }

        /// <summary>An antiforgery token for this client's user (tokens are per user, not per form).</summary>
        private static async Task<string> TokenAsync(HttpClient client)
        {
            foreach (var page in new[] { "/account", "/account/login" })
            {
                var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK) continue;
                var token = Token().Match(await response.Content.ReadAsStringAsync());
                if (token.Success) return WebUtility.HtmlDecode(token.Groups[1].Value);
            }
            return "";
        }

        [GeneratedRegex(@"^(https?://[^/]+)?/account/(login(\?|$)|access-denied|two-factor\?required=true)", RegexOptions.IgnoreCase)]
        private static partial Regex Refusals();

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}
