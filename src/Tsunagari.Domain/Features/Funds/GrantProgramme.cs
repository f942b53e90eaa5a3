using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds;

/// <summary>
/// A grant programme (助成プログラム) of a fund: the call with its eligibility, budget, largest grant, application period,
/// questions and scoring rubric. Its admins are the fund holder's admins. Applications are taken while it is open and its
/// closing date (a Japan date) has not passed.
/// </summary>
public sealed class GrantProgramme
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxQuestions = 10;
    public const int MaxCriteria = 10;
    public const int MaxQuestionLength = 300;

    /// <summary>Each rubric criterion is scored from 1 to this.</summary>
    public const int MaxScore = 5;

    /// <summary>The share of a dormant-deposit grant that may be spent on evaluation unless the programme says otherwise.</summary>
    public const decimal DefaultEvaluationPercent = 5m;

    public const decimal MaxEvaluationPercent = 20m;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FundId { get; private set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Budget { get; set; }
    public decimal MaxPerGrant { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }

    /// <summary>Legal forms that may apply; empty for any.</summary>
    public List<LegalForm> EligibleLegalForms { get; set; } = [];

    /// <summary>Municipalities (local government codes) an applicant must be active in (one of them); empty for any.</summary>
    public List<string> EligibleMunicipalities { get; set; } = [];

    /// <summary>NPO Act fields (1–20) an applicant must work in (one of them); empty for any.</summary>
    public List<int> EligibleFields { get; set; } = [];

    public List<string> Questions { get; set; } = [];

    /// <summary>The rubric: each criterion scored 1 to <see cref="MaxScore"/> by every reviewer.</summary>
    public List<string> Criteria { get; set; } = [];

    /// <summary>For a dormant-deposit programme: the share (in percent) of the grant received that may go to evaluation.</summary>
    public decimal EvaluationPercent { get; set; } = DefaultEvaluationPercent;

    public GrantProgrammeStatus Status { get; private set; } = GrantProgrammeStatus.Draft;
    public DateTimeOffset CreatedAt { get; private set; }

    private GrantProgramme() { }

    public GrantProgramme(Guid fundId, DateTimeOffset now)
    {
        FundId = fundId;
        CreatedAt = now;
    }

    public void Open() => Status = GrantProgrammeStatus.Open;

    /// <summary>Stops taking applications; reviews, awards and disbursements go on.</summary>
    public void Close() => Status = GrantProgrammeStatus.Closed;

    public bool TakesApplications(DateOnly today) => Status == GrantProgrammeStatus.Open && today >= OpensOn && today <= ClosesOn;
}

public enum GrantProgrammeStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}
