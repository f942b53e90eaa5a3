namespace Tsunagari.BrowserTests;

public sealed record CapturedLogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() =>
        Exception is null ? $"[{Level}] {Category}: {Message}" : $"[{Level}] {Category}: {Message}{Environment.NewLine}{Exception}";
}
