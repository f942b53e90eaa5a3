using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Tsunagari.BrowserTests;

/// <summary>The app writes mail as .eml files when no SMTP server is configured; this reads them like a mail client.</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> WaitForNewestAsync(string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var newest = Directory.Exists(folder)
                ? new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (newest is not null) return await MimeMessage.LoadAsync(newest.FullName, cancellationToken);
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"No .eml file appeared in {folder} within {timeout}.");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// The path and query of the first link to <paramref name="path"/> in the message; the host is dropped because the
    /// app may build links from a configured public address rather than from the test server's random port.
    /// </summary>
    public static string FindLink(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.TextBody ?? WebUtility.HtmlDecode(message.HtmlBody ?? "");
        foreach (Match match in LinkPattern().Matches(body))
        {
            var link = match.Value;
            var relative = Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : link;
            if (relative.StartsWith(path, StringComparison.OrdinalIgnoreCase)) return relative;
        }
        throw new InvalidOperationException($"No link to {path} in the message \"{message.Subject}\":{Environment.NewLine}{body}");
    }

    [GeneratedRegex(@"(https?://[^\s""'<>]+|/[A-Za-z0-9\-_/]+\?[^\s""'<>]+)")]
    private static partial Regex LinkPattern();
}
