using System.Globalization;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>Japanese keys for the ledger's terms, and yen as people read them.</summary>
public static class LedgerText
{
    public static string For(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Donation => "寄附",
        LedgerEntryKind.InKindGift => "現物寄附",
        LedgerEntryKind.Grant => "助成",
        LedgerEntryKind.ExternalGrant => "外部からの助成",
        LedgerEntryKind.EvaluationCost => "評価費",
        LedgerEntryKind.SibInvestment => "SIBへの出資",
        LedgerEntryKind.SibPayment => "SIBの成果連動支払",
        LedgerEntryKind.SibDistribution => "SIBの償還・配分",
        _ => kind.ToString(),
    };

    public static string For(LedgerFlow flow) => flow == LedgerFlow.In ? "入" : "出";

    /// <summary>The name of a flow node: the aggregate givers are named by kind, never by person.</summary>
    public static string NodeName(FlowNode node) => node.Key switch
    {
        "people" => "個人からの寄附",
        "outside" => "プラットフォーム外からの資金",
        _ => node.Name,
    };

    /// <summary>Whole yen with thousands separators and the yen sign of the reader's culture.</summary>
    public static string Yen(decimal amount) => "¥" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);
}
