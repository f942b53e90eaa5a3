using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Tsunagari.Platform.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";
    public string From { get; set; } = "Tsunagari <no-reply@tsunagari.example.jp>";
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 587;
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool UseStartTls { get; set; } = true;
    }
}

/// <summary>
/// Sends mail over SMTP when a host is configured; otherwise writes each message as an .eml file in the data
/// folder's `mail` directory, so nothing is lost and no server is needed.
/// </summary>
public sealed partial class Mailer(IOptions<MailOptions> mailOptions, IOptions<TsunagariOptions> options, TimeProvider clock, ILogger<Mailer> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.Body = new TextPart("plain") { Text = textBody };

        var smtp = mailOptions.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            await WriteFileAsync(message, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private async Task WriteFileAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.DataPath("mail");
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(folder, name);
        await message.WriteToAsync(path, cancellationToken);
        LogWritten(logger, path);
    }

    [LoggerMessage(LogLevel.Information, "Mail written to {Path}")]
    private static partial void LogWritten(ILogger logger, string path);
}
