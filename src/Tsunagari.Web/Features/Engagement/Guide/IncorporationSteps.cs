namespace Tsunagari.Features.Engagement.Guide;

/// <summary>
/// The steps and documents of incorporating an NPO法人 (特定非営利活動促進法 arts. 10–13), as keys of the shared
/// resource; the Japanese legal terms stay Japanese and the English resource explains them.
/// </summary>
public static class IncorporationSteps
{
    public sealed record Milestone(string Name, string Detail);

    public static IReadOnlyList<Milestone> Steps { get; } =
    [
        new("設立総会", "設立の趣旨、定款、役員、事業計画と予算を話し合って決め、その議事録を作ります。"),
        new("申請書類の作成", "下の「必要な書類」をそろえます。所轄庁の窓口で事前に相談できます。"),
        new("所轄庁への申請", "設立認証申請書と書類を所轄庁に提出します。"),
        new("縦覧（1か月）", "申請の一部の書類が、受理の日から1か月間公衆の縦覧に供されます（2021年の法改正で2か月から短縮）。"),
        new("認証・不認証の決定", "所轄庁は、縦覧期間が終わってから2か月以内（条例で3か月以内の別の期間を定めている所轄庁もあります）に、認証か不認証かを決めます。"),
        new("設立登記", "認証の通知が届いてから2週間以内に、主たる事務所の所在地を管轄する法務局で設立の登記をします。登記の日に法人が成立します。"),
        new("設立登記完了届出", "登記が済んだら、登記事項証明書などを添えて所轄庁に設立登記完了届出書を提出します。"),
    ];

    public static IReadOnlyList<string> Documents { get; } =
    [
        "定款",
        "役員名簿",
        "役員の就任承諾書及び誓約書の謄本",
        "役員の住所証明",
        "社員のうち10人以上の名簿",
        "確認書",
        "設立趣旨書",
        "設立についての意思の決定を証する議事録の謄本",
        "事業計画書（2年分）",
        "活動予算書（2年分）",
    ];
}
