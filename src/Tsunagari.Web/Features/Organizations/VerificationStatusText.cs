namespace Tsunagari.Features.Organizations;

/// <summary>Names of the verification states, as keys of the shared resource.</summary>
public static class VerificationStatusText
{
    public static string For(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => "確認待ち",
        VerificationStatus.Verified => "確認済み",
        VerificationStatus.ChangesRequested => "修正依頼中",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
