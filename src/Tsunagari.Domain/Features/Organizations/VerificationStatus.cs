namespace Tsunagari.Features.Organizations;

/// <summary>Anyone may register an organization; a coordinator verifies it or asks for changes.</summary>
public enum VerificationStatus
{
    Pending = 1,
    Verified = 2,
    ChangesRequested = 3,
}
