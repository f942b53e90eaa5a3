using System.Xml.Linq;
using Tsunagari.Features.Collaboration;

namespace Tsunagari.Tests.Features.Collaboration.Initiatives;

/// <summary>
/// The framework's texts come from JSON, not from code, so the source scan of EnglishTests does not see them: every actor,
/// challenge, vision, pathway and subheading the registry shows needs its English entry all the same.
/// </summary>
public sealed class FrameworkEnglishTests
{
    [Fact]
    public void Every_text_of_the_framework_has_an_English_translation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsunagari.slnx"))) dir = dir.Parent;
        var english = XDocument.Load(Path.Combine(dir!.FullName, "src", "Tsunagari.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"), StringComparer.Ordinal);
        var texts = KyojoFramework.Actors.Select(a => a.Name)
            .Concat(KyojoFramework.Challenges.Select(c => c.Text))
            .Concat(KyojoFramework.Visions.Select(v => v.Name))
            .Concat(KyojoFramework.Pathways.Select(p => p.Text))
            .Concat(KyojoFramework.Pathways.Select(p => p.Group).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.True(texts.Count >= 8 + 24 + 3 + 27, "the framework is read");
        var missing = texts.Where(t => !english.TryGetValue(t, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join("\n", missing));
    }
}
