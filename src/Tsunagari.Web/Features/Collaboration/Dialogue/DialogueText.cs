namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>Localization keys of the dialogue pages beyond <see cref="CollaborationText"/>: what each of the seed's themes is for.</summary>
public static class DialogueText
{
    public static string Explain(DialogueTheme theme) => theme switch
    {
        DialogueTheme.LearningAboutTheRegion => "地域の歴史や現状、課題を、住民・団体・行政がともに学びます。",
        DialogueTheme.SharingOtherRegions => "ほかの地域で成果をあげた取組を知り、自分たちの地域で生かす方法を話し合います。",
        _ => "住民・団体・行政が互いの立場や得意なことを知り、役割分担の土台をつくります。",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
