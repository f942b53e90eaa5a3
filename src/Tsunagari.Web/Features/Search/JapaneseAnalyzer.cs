using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Tsunagari.Features.Search;

/// <summary>
/// Japanese text without a dictionary: NFKC (full-width latin and half-width kana fold to their usual forms), lower
/// case, and overlapping bigrams of kanji and kana, so that any 2-character query (環境, 福祉, 子育) finds the words
/// that contain it. Indexing and querying use the same analyzer.
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// NFKC as a character map rather than string.Normalize: a char filter keeps the offsets of the original text, which
    /// highlighting needs. Each character maps to its NFKC form; half-width kana followed by a (semi-)voiced sound mark
    /// map as a pair, which is the one composition that matters for Japanese input.
    /// </summary>
    private static readonly Lazy<NormalizeCharMap> nfkc = new(BuildMap);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(nfkc.Value, reader);

    /// <summary>The terms a text becomes, as the index holds them.</summary>
    public IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static NormalizeCharMap BuildMap()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var c = 1; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF or >= 0xFDD0 and <= 0xFDEF or >= 0xFFFE) continue;
            if (char.GetUnicodeCategory((char)c) == UnicodeCategory.OtherNotAssigned) continue;
            var text = ((char)c).ToString();
            string normalized;
            try { normalized = text.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { continue; } // code points ICU does not know: left as they are
            if (!string.Equals(text, normalized, StringComparison.Ordinal)) builder.Add(text, normalized);
        }
        // ｶﾞ → ガ, ﾊﾟ → パ: the half-width marks are separate characters that NFKC composes with the kana before them.
        for (var c = 0xFF66; c <= 0xFF9D; c++)
            foreach (var mark in "\uFF9E\uFF9F")
            {
                var pair = string.Concat(((char)c).ToString(), mark.ToString(CultureInfo.InvariantCulture));
                var normalized = pair.Normalize(NormalizationForm.FormKC);
                if (normalized.Length == 1) builder.Add(pair, normalized);
            }
        return builder.Build();
    }
}
