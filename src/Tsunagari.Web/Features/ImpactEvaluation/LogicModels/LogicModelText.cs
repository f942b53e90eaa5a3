namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>The Japanese names (localization keys) of a logic model's vocabulary, shared by its pages and the report.</summary>
public static class LogicModelText
{
    /// <summary>The columns, left to right, in the order of <see cref="ElementKind"/>.</summary>
    public static IReadOnlyList<ElementKind> Columns { get; } = Enum.GetValues<ElementKind>();

    public static string For(ElementKind kind) => kind switch
    {
        ElementKind.Input => "投入",
        ElementKind.Activity => "活動",
        ElementKind.Output => "結果（アウトプット）",
        ElementKind.ShortTermOutcome => "短期成果",
        ElementKind.MediumTermOutcome => "中期成果",
        ElementKind.LongTermOutcome => "長期成果",
        _ => "インパクト",
    };

    public static string For(LogicModelSubject subject) => subject switch
    {
        LogicModelSubject.Organization => "団体",
        LogicModelSubject.Project => "事業",
        LogicModelSubject.Programme => "プログラム",
        _ => "協働の試行",
    };

    /// <summary>Why an arrow was refused; {0} and {1} are the two elements' texts.</summary>
    public static string For(LinkProblem problem) => problem switch
    {
        LinkProblem.UnknownElement => "矢印の元と先を、このロジックモデルの要素から選んでください。",
        LinkProblem.SelfLink => "「{0}」から同じ要素へは矢印を引けません。",
        LinkProblem.Duplicate => "「{0}」から「{1}」への矢印はすでにあります。",
        LinkProblem.Cycle => "「{0}」から「{1}」への矢印を引くと、矢印がたどって元に戻る循環になります。",
        _ => "矢印は{2}本までです。",
    };
}
