using System.Text.Json;

namespace Tsunagari.Features.Accounts;

/// <summary>Everything the platform keeps about a person, as one JSON document (APPI disclosure on request).</summary>
public sealed class ExportPersonalData(IEnumerable<IPersonalData> parts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> RunAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exportedAt"] = clock.GetUtcNow(),
        };
        foreach (var part in parts)
            document[part.Section] = await part.ExportAsync(accountId, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
