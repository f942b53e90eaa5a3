using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed class SafeContentTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0 }, "image/webp")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [InlineData(new byte[0], null)]
    public void Logos_are_recognized_by_their_bytes(byte[] data, string? expected) => Assert.Equal(expected, LogoImage.ContentTypeOf(data));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("![x](https://example.jp/a.png)", "<img")]
    [InlineData("<a href=\"https://e.jp\" style=\"color:red\">x</a>", "<a ")]
    [InlineData("<iframe src=\"https://e.jp\"></iframe>", "<iframe")]
    public void Markdown_never_lets_active_content_through(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, RenderMarkdown.ToSafeHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Markdown_keeps_ordinary_formatting() =>
        Assert.Equal("<h2>見出し</h2>\n<ul>\n<li><a href=\"https://example.jp/\">リンク</a></li>\n</ul>\n", RenderMarkdown.ToSafeHtml("## 見出し\n\n- [リンク](https://example.jp/)"));
}
