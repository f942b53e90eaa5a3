namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>An indicator a template suggests for one of its outputs or outcomes (named by the element's text).</summary>
public sealed record TemplateIndicator(string Element, string Name, string Definition, string Unit, IndicatorSource Source,
    PlatformMeasure? Measure = null, IndicatorDirection Direction = IndicatorDirection.Increase);

/// <summary>
/// A ready-made logic model for a common case: elements in every column, the arrows between them and suggested
/// indicators. Texts are Japanese localization keys, so that a model is made in the language of the person who makes it.
/// </summary>
public sealed record LogicModelTemplate(string Key, string Name, string Description,
    IReadOnlyList<(ElementKind Kind, string Text)> Elements, IReadOnlyList<(string From, string To)> Links,
    IReadOnlyList<TemplateIndicator> Indicators)
{
    /// <summary>
    /// Adds the template's elements and arrows to the model (texts through <paramref name="text"/>, the localizer) and
    /// returns its suggested indicators for the caller to save.
    /// </summary>
    public IReadOnlyList<Indicator> Apply(LogicModel model, Func<string, string> text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (kind, key) in Elements) ids[key] = model.AddElement(kind, text(key)).Id;
        foreach (var (from, to) in Links) model.AddLink(ids[from], ids[to]);
        return Indicators.Select(i => new Indicator(model.Id, ids[i.Element], text(i.Name), i.Source, now)
        {
            Definition = text(i.Definition),
            Unit = text(i.Unit),
            Measure = i.Measure,
            Direction = i.Direction,
        }).ToList();
    }
}

/// <summary>The templates offered when a logic model is made, as a Chiba NPO would write them.</summary>
public static class LogicModelTemplates
{
    public static LogicModelTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    public static IReadOnlyList<LogicModelTemplate> All { get; } =
    [
        new("dormant-deposit", "休眠預金活用事業", "休眠預金等活用法に基づく助成事業（子ども・若者支援の例）。資金分配団体への報告にそのまま使える形です。",
            [
                (ElementKind.Input, "休眠預金等活用事業の助成金"),
                (ElementKind.Input, "相談支援員とコーディネーター"),
                (ElementKind.Input, "連携する学校・社会福祉協議会・市の相談窓口"),
                (ElementKind.Activity, "困難を抱える子ども・若者への個別相談と伴走支援"),
                (ElementKind.Activity, "放課後の学習支援と居場所の運営"),
                (ElementKind.Activity, "支援機関とのケース会議"),
                (ElementKind.Output, "伴走支援を受けた子ども・若者"),
                (ElementKind.Output, "居場所の開所と利用"),
                (ElementKind.Output, "ケース会議で共有された支援計画"),
                (ElementKind.ShortTermOutcome, "子ども・若者が安心して相談できる大人とつながる"),
                (ElementKind.ShortTermOutcome, "学習習慣と生活リズムが整う"),
                (ElementKind.MediumTermOutcome, "進学や就労など次の一歩を自分で選べる"),
                (ElementKind.MediumTermOutcome, "地域の支援機関が連携して早めに支援できる"),
                (ElementKind.LongTermOutcome, "子ども・若者が孤立せず自立した生活を送る"),
                (ElementKind.LongTermOutcome, "地域に切れ目のない支援の仕組みが根づく"),
                (ElementKind.Impact, "生まれ育った環境に左右されず、誰もが将来に希望を持てる地域"),
            ],
            [
                ("休眠預金等活用事業の助成金", "困難を抱える子ども・若者への個別相談と伴走支援"),
                ("休眠預金等活用事業の助成金", "放課後の学習支援と居場所の運営"),
                ("相談支援員とコーディネーター", "困難を抱える子ども・若者への個別相談と伴走支援"),
                ("連携する学校・社会福祉協議会・市の相談窓口", "支援機関とのケース会議"),
                ("困難を抱える子ども・若者への個別相談と伴走支援", "伴走支援を受けた子ども・若者"),
                ("放課後の学習支援と居場所の運営", "居場所の開所と利用"),
                ("支援機関とのケース会議", "ケース会議で共有された支援計画"),
                ("伴走支援を受けた子ども・若者", "子ども・若者が安心して相談できる大人とつながる"),
                ("居場所の開所と利用", "子ども・若者が安心して相談できる大人とつながる"),
                ("居場所の開所と利用", "学習習慣と生活リズムが整う"),
                ("ケース会議で共有された支援計画", "地域の支援機関が連携して早めに支援できる"),
                ("子ども・若者が安心して相談できる大人とつながる", "進学や就労など次の一歩を自分で選べる"),
                ("学習習慣と生活リズムが整う", "進学や就労など次の一歩を自分で選べる"),
                ("進学や就労など次の一歩を自分で選べる", "子ども・若者が孤立せず自立した生活を送る"),
                ("地域の支援機関が連携して早めに支援できる", "地域に切れ目のない支援の仕組みが根づく"),
                ("子ども・若者が孤立せず自立した生活を送る", "生まれ育った環境に左右されず、誰もが将来に希望を持てる地域"),
                ("地域に切れ目のない支援の仕組みが根づく", "生まれ育った環境に左右されず、誰もが将来に希望を持てる地域"),
            ],
            [
                new("伴走支援を受けた子ども・若者", "伴走支援を受けた子ども・若者の数", "期間中に3回以上の個別相談を受けた子ども・若者の実人数", "人", IndicatorSource.Manual),
                new("子ども・若者が安心して相談できる大人とつながる", "相談できる大人がいると答えた割合",
                    "利用者アンケートで「困ったときに相談できる大人がいる」と答えた子ども・若者の割合", "%", IndicatorSource.Survey),
                new("進学や就労など次の一歩を自分で選べる", "進学・就労した若者の数", "支援を受けた若者のうち、期間中に進学または就労した人数", "人", IndicatorSource.Manual),
            ]),
        new("volunteer", "ボランティアプログラム", "住民がボランティアとして地域活動に参加するプログラムの例（子ども食堂・清掃・見守り）。活動時間と新しい参加者はプラットフォームの記録から数えます。",
            [
                (ElementKind.Input, "ボランティアコーディネーター"),
                (ElementKind.Input, "活動場所と道具（公民館・調理器具・清掃用具）"),
                (ElementKind.Input, "プラットフォームでの募集と参加の記録"),
                (ElementKind.Activity, "はじめての人向けの体験会と募集"),
                (ElementKind.Activity, "子ども食堂・清掃・見守りの定例活動"),
                (ElementKind.Activity, "活動後のふりかえり会"),
                (ElementKind.Output, "ボランティアが定例活動に参加する"),
                (ElementKind.Output, "新しい参加者が活動に加わる"),
                (ElementKind.Output, "定例活動が計画どおり開かれる"),
                (ElementKind.ShortTermOutcome, "参加者が活動にやりがいと地域とのつながりを感じる"),
                (ElementKind.ShortTermOutcome, "子どもや高齢者に食事と見守りが届く"),
                (ElementKind.MediumTermOutcome, "参加者が活動の企画や運営を担う"),
                (ElementKind.MediumTermOutcome, "住民同士の顔の見える関係が広がる"),
                (ElementKind.LongTermOutcome, "地域の課題に自ら取り組む担い手が育つ"),
                (ElementKind.LongTermOutcome, "孤立する人が減る"),
                (ElementKind.Impact, "誰もが役割と居場所を持ち、支え合う地域社会"),
            ],
            [
                ("ボランティアコーディネーター", "はじめての人向けの体験会と募集"),
                ("ボランティアコーディネーター", "活動後のふりかえり会"),
                ("活動場所と道具（公民館・調理器具・清掃用具）", "子ども食堂・清掃・見守りの定例活動"),
                ("プラットフォームでの募集と参加の記録", "はじめての人向けの体験会と募集"),
                ("はじめての人向けの体験会と募集", "新しい参加者が活動に加わる"),
                ("子ども食堂・清掃・見守りの定例活動", "ボランティアが定例活動に参加する"),
                ("子ども食堂・清掃・見守りの定例活動", "定例活動が計画どおり開かれる"),
                ("活動後のふりかえり会", "参加者が活動にやりがいと地域とのつながりを感じる"),
                ("ボランティアが定例活動に参加する", "参加者が活動にやりがいと地域とのつながりを感じる"),
                ("新しい参加者が活動に加わる", "参加者が活動にやりがいと地域とのつながりを感じる"),
                ("定例活動が計画どおり開かれる", "子どもや高齢者に食事と見守りが届く"),
                ("参加者が活動にやりがいと地域とのつながりを感じる", "参加者が活動の企画や運営を担う"),
                ("子どもや高齢者に食事と見守りが届く", "住民同士の顔の見える関係が広がる"),
                ("参加者が活動の企画や運営を担う", "地域の課題に自ら取り組む担い手が育つ"),
                ("住民同士の顔の見える関係が広がる", "孤立する人が減る"),
                ("地域の課題に自ら取り組む担い手が育つ", "誰もが役割と居場所を持ち、支え合う地域社会"),
                ("孤立する人が減る", "誰もが役割と居場所を持ち、支え合う地域社会"),
            ],
            [
                new("ボランティアが定例活動に参加する", "ボランティア活動時間", "期間中の活動への出席で記録された時間と、承認された活動時間の申告の合計",
                    "時間", IndicatorSource.Platform, PlatformMeasure.VolunteerHours),
                new("新しい参加者が活動に加わる", "新たな参加者数", "期間中にはじめて団体の活動に出席した人の数", "人", IndicatorSource.Platform, PlatformMeasure.Newcomers),
                new("参加者が活動にやりがいと地域とのつながりを感じる", "活動に満足した参加者の割合",
                    "ふりかえりアンケートで「満足」「やや満足」と答えた参加者の割合", "%", IndicatorSource.Survey),
                new("参加者が活動の企画や運営を担う", "企画・運営を担う参加者の数", "期間の終わりに企画や運営の役割を持っている参加者の人数", "人", IndicatorSource.Manual),
            ]),
        new("probono", "プロボノ支援", "企業で働く人が専門性を生かして団体の課題に取り組むプロボノ支援を受ける例。活用されている成果物はプラットフォームの記録から数えます。",
            [
                (ElementKind.Input, "プロボノワーカー（企業で働く専門人材）"),
                (ElementKind.Input, "団体の職員とボランティアの時間"),
                (ElementKind.Input, "中間支援組織によるコーディネート"),
                (ElementKind.Activity, "団体の課題の整理とプロボノ案件の設計"),
                (ElementKind.Activity, "プロボノチームによる成果物の制作"),
                (ElementKind.Activity, "成果物の引き継ぎと使い方の研修"),
                (ElementKind.Output, "引き継がれた成果物（ウェブサイト・業務の手順書など）"),
                (ElementKind.Output, "職員が成果物の使い方を身につける"),
                (ElementKind.ShortTermOutcome, "団体が成果物を日々の業務で使う"),
                (ElementKind.ShortTermOutcome, "広報や事務の負担が軽くなる"),
                (ElementKind.MediumTermOutcome, "寄付者・ボランティア・利用者が増える"),
                (ElementKind.MediumTermOutcome, "団体の運営基盤が強くなる"),
                (ElementKind.LongTermOutcome, "団体が地域の課題に継続して取り組める"),
                (ElementKind.LongTermOutcome, "プロボノワーカーが地域の活動に関わり続ける"),
                (ElementKind.Impact, "多様な専門性が市民活動を支え、地域の課題を解決する力が高まる"),
            ],
            [
                ("プロボノワーカー（企業で働く専門人材）", "プロボノチームによる成果物の制作"),
                ("団体の職員とボランティアの時間", "団体の課題の整理とプロボノ案件の設計"),
                ("団体の職員とボランティアの時間", "成果物の引き継ぎと使い方の研修"),
                ("中間支援組織によるコーディネート", "団体の課題の整理とプロボノ案件の設計"),
                ("団体の課題の整理とプロボノ案件の設計", "プロボノチームによる成果物の制作"),
                ("プロボノチームによる成果物の制作", "引き継がれた成果物（ウェブサイト・業務の手順書など）"),
                ("成果物の引き継ぎと使い方の研修", "職員が成果物の使い方を身につける"),
                ("引き継がれた成果物（ウェブサイト・業務の手順書など）", "団体が成果物を日々の業務で使う"),
                ("職員が成果物の使い方を身につける", "団体が成果物を日々の業務で使う"),
                ("団体が成果物を日々の業務で使う", "広報や事務の負担が軽くなる"),
                ("団体が成果物を日々の業務で使う", "寄付者・ボランティア・利用者が増える"),
                ("広報や事務の負担が軽くなる", "団体の運営基盤が強くなる"),
                ("寄付者・ボランティア・利用者が増える", "団体の運営基盤が強くなる"),
                ("団体の運営基盤が強くなる", "団体が地域の課題に継続して取り組める"),
                ("プロボノチームによる成果物の制作", "プロボノワーカーが地域の活動に関わり続ける"),
                ("団体が地域の課題に継続して取り組める", "多様な専門性が市民活動を支え、地域の課題を解決する力が高まる"),
                ("プロボノワーカーが地域の活動に関わり続ける", "多様な専門性が市民活動を支え、地域の課題を解決する力が高まる"),
            ],
            [
                new("団体が成果物を日々の業務で使う", "活用されている成果物の数", "完了したプロボノ案件のうち、団体が成果物を使っていると報告したものの数",
                    "件", IndicatorSource.Platform, PlatformMeasure.ProBonoDeliverablesInUse),
                new("広報や事務の負担が軽くなる", "事務作業が減ったと答えた職員の割合", "職員アンケートで「事務作業の時間が減った」と答えた人の割合", "%", IndicatorSource.Survey),
                new("寄付者・ボランティア・利用者が増える", "年間の寄付者数", "期間中に寄付をした個人と法人の数（団体の会計記録から）", "人", IndicatorSource.Manual),
            ]),
    ];
}
