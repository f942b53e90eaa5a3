namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A proposal to a call: what the proposers want to achieve with the government, how, who does what, for how much,
/// when and where. The proposer edits it until it is submitted; then reviewers score it and staff decide.
/// </summary>
public sealed class CollaborationProposal
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxPlaceLength = 200;
    public const int MaxReasonLength = 2000;
    public const int MaxCoProposers = 10;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CallId { get; private set; }

    /// <summary>The person who wrote it; null once their account is deleted.</summary>
    public Guid? ProposerId { get; private set; }

    /// <summary>The organization proposing, if the proposer proposes for one (they are its admin).</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>Organizations on the platform proposing together with it (共同提案者).</summary>
    public List<Guid> CoProposers { get; private set; } = [];

    public string Title { get; private set; } = "";
    public string Goal { get; private set; } = "";
    public string Plan { get; private set; } = "";

    /// <summary>Who does what: the proposers' part and the government's part as the proposers see them.</summary>
    public string Roles { get; private set; } = "";

    /// <summary>The budget asked for, in yen (at most the call's ceiling).</summary>
    public long Budget { get; private set; }

    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string Place { get; private set; } = "";
    public string? MunicipalityCode { get; private set; }

    public ProposalStatus Status { get; private set; } = ProposalStatus.Draft;
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The decision's reasons (published with it) and, when adopted with conditions, the conditions.</summary>
    public string DecisionReason { get; private set; } = "";

    public string Conditions { get; private set; } = "";
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CollaborationProposal() { }

    public CollaborationProposal(Guid callId, Guid proposerId, ProposalDetails details, DateTimeOffset now)
    {
        CallId = callId;
        ProposerId = proposerId;
        CreatedAt = now;
        Edit(details, now);
    }

    public bool CanEdit => Status == ProposalStatus.Draft;

    public bool IsAdopted => Status is ProposalStatus.Adopted or ProposalStatus.AdoptedWithConditions;

    /// <summary>The organizations on the proposing side: a reviewer who belongs to one has a conflict of interest.</summary>
    public IEnumerable<Guid> ProposingOrganizations => OrganizationId is { } own ? CoProposers.Prepend(own) : CoProposers;

    public void Edit(ProposalDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!CanEdit) throw new InvalidOperationException("A submitted proposal is not changed.");
        if (details.Budget < 0 || details.EndsOn < details.StartsOn || details.CoProposers.Count > MaxCoProposers)
            throw new ArgumentException("A proposal needs a budget, a period and at most ten co-proposers.", nameof(details));
        OrganizationId = details.OrganizationId;
        CoProposers = details.CoProposers.Where(id => id != details.OrganizationId).Distinct().ToList();
        Title = details.Title.Trim();
        Goal = details.Goal.ReplaceLineEndings("\n").Trim();
        Plan = details.Plan.ReplaceLineEndings("\n").Trim();
        Roles = details.Roles.ReplaceLineEndings("\n").Trim();
        Budget = details.Budget;
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Place = details.Place.Trim();
        MunicipalityCode = string.IsNullOrWhiteSpace(details.MunicipalityCode) ? null : details.MunicipalityCode.Trim();
        UpdatedAt = now;
    }

    public void Submit(DateTimeOffset now)
    {
        if (!CanEdit) throw new InvalidOperationException("The proposal is already submitted.");
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Records the decision with its reasons; conditions only when adopted with conditions.</summary>
    public void Decide(ProposalStatus decision, string reason, string conditions, Guid by, DateTimeOffset now)
    {
        if (Status != ProposalStatus.Submitted) throw new InvalidOperationException("Only a submitted proposal gets a decision.");
        if (decision is not (ProposalStatus.Adopted or ProposalStatus.AdoptedWithConditions or ProposalStatus.NotAdopted))
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A decision adopts, adopts with conditions or does not adopt.");
        var because = (reason ?? "").ReplaceLineEndings("\n").Trim();
        var terms = (conditions ?? "").ReplaceLineEndings("\n").Trim();
        if (because.Length is 0 or > MaxReasonLength) throw new ArgumentException("A decision gives its reasons.", nameof(reason));
        if ((decision == ProposalStatus.AdoptedWithConditions) != (terms.Length > 0))
            throw new ArgumentException("Conditions go with, and only with, an adoption with conditions.", nameof(conditions));
        Status = decision;
        DecisionReason = because;
        Conditions = terms;
        DecidedBy = by;
        DecidedAt = now;
        UpdatedAt = now;
    }
}

public enum ProposalStatus
{
    Draft = 1,
    Submitted = 2,
    Adopted = 3,
    AdoptedWithConditions = 4,
    NotAdopted = 5,
}

public sealed record ProposalDetails(
    Guid? OrganizationId,
    IReadOnlyList<Guid> CoProposers,
    string Title,
    string Goal,
    string Plan,
    string Roles,
    long Budget,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Place,
    string? MunicipalityCode);
