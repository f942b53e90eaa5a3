using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tsunagari.Tests.Platform;

/// <summary>English must be complete: every Japanese text the UI asks the localizer for has an English entry.</summary>
public sealed partial class EnglishTests
{
    /// <summary>Files whose Japanese literals are data (names of people and places), not interface text.</summary>
    private static readonly HashSet<string> DataFiles = new(StringComparer.Ordinal) { "DemoAccounts.cs", "ChibaGroupings.cs", "DemoDirectory.cs", "DemoVocabulary.cs", "DefaultWays.cs", "DemoCollaboration.cs", "DemoImpact.cs", "DemoDonations.cs", "DemoGrants.cs", "DemoSib.cs" };

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsunagari.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src");
    }

    [Fact]
    public void Every_Japanese_text_has_an_English_translation()
    {
        var root = SourceRoot();
        var english = XDocument.Load(Path.Combine(root, "Tsunagari.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"), StringComparer.Ordinal);

        var sources = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !DataFiles.Contains(Path.GetFileName(f))
                && !f.Contains("Migrations", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in JapaneseLiteral().Matches(text))
            {
                var key = Regex.Unescape(m.Groups[1].Value);
                if (!english.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                    missing.Add($"{Path.GetFileName(file)}: {key}");
            }
        }
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join("\n", missing));
    }

    /// <summary>String literals with Japanese characters: localizer keys, data-annotation messages, display names.</summary>
    [GeneratedRegex(@"""((?:[^""\\\n]|\\.)*[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e](?:[^""\\\n]|\\.)*)""")]
    private static partial Regex JapaneseLiteral();
}
