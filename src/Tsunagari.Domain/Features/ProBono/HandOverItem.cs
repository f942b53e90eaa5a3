namespace Tsunagari.Features.ProBono;

/// <summary>One point of a project's hand-over checklist: what the organization needs to keep using the deliverable.</summary>
public sealed class HandOverItem
{
    public const int MaxTextLength = 300;
    public const int MaxItems = 40;

    /// <summary>The usual points, written into every new project's checklist (the team adds its own).</summary>
    public static readonly string[] Usual =
    [
        "成果物（データ一式）を受け取った",
        "更新・運用の方法の説明を受けた",
        "アカウントやパスワードを団体の管理に移した",
        "団体の中で運用を担当する人を決めた",
        "困ったときの問い合わせ先を確認した",
    ];

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProjectId { get; private set; }
    public string Text { get; private set; } = "";
    public int Position { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public Guid? DoneBy { get; private set; }

    private HandOverItem() { }

    public HandOverItem(Guid projectId, string text, int position)
    {
        ProjectId = projectId;
        Text = text.Trim();
        Position = position;
    }

    public bool Done => DoneAt is not null;

    public void Check(Guid accountId, DateTimeOffset now)
    {
        DoneAt = now;
        DoneBy = accountId;
    }

    public void Uncheck()
    {
        DoneAt = null;
        DoneBy = null;
    }
}
