using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// The reference (照合番号) a donor writes with a bank transfer: eight digits, because a transfer's requester field
/// (振込依頼人名) takes digits and kana only. The donor puts it before their name (「12345678 ヤマダタロウ」); the
/// organization's reconciliation finds it there or in the bank statement's reference column.
/// </summary>
public static class DonationReferences
{
    public static async Task<string> NewAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            var reference = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            if (!await db.Donations.AnyAsync(d => d.Reference == reference, cancellationToken)
                && !await db.DonationPlans.AnyAsync(p => p.Reference == reference, cancellationToken))
                return reference;
        }
    }

    /// <summary>The first run of exactly eight digits in a statement's text (full-width digits read as digits), or null.</summary>
    public static string? Find(string? text)
    {
        var digits = (text ?? "").Normalize(System.Text.NormalizationForm.FormKC);
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]) || (i > 0 && char.IsAsciiDigit(digits[i - 1]))) continue;
            var end = i;
            while (end < digits.Length && char.IsAsciiDigit(digits[end])) end++;
            if (end - i == 8) return digits[i..end];
        }
        return null;
    }
}
