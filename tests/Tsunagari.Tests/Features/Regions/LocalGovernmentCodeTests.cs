using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Regions;

public sealed class LocalGovernmentCodeTests
{
    [Fact]
    public void Check_digit_accepts_every_shipped_code()
    {
        var codes = Japan.Shared.Codes.ToList();
        Assert.Equal(47 + 1_747 + 175, codes.Count);
        Assert.All(codes, code => Assert.True(LocalGovernmentCode.IsValid(code), code));
    }

    [Theory]
    [InlineData("122131")] // 東金市: weighted sum leaves remainder 0, so the check digit is (11 - 0) mod 10 = 1
    [InlineData("122050")] // 館山市: remainder 1, check digit (11 - 1) mod 10 = 0
    [InlineData("120006")] // 千葉県
    [InlineData("131016")] // 千代田区
    [InlineData("121011")] // 千葉市中央区
    public void Check_digit_accepts_codes_whose_remainder_needs_the_final_modulo(string code) =>
        Assert.True(LocalGovernmentCode.IsValid(code));

    [Fact]
    public void Check_digit_rejects_every_other_last_digit()
    {
        foreach (var code in Japan.Shared.Codes)
            foreach (var digit in "0123456789".Where(d => d != code[5]))
                Assert.False(LocalGovernmentCode.IsValid(code[..5] + digit), code[..5] + digit);
    }

    [Theory]
    [InlineData("121003")]
    [InlineData("122132")]
    [InlineData("123002")] // 千葉市 121002 with its third digit changed
    [InlineData("110006")] // 埼玉県 is 110001
    public void Check_digit_rejects_a_changed_digit(string code) =>
        Assert.False(LocalGovernmentCode.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12000")]
    [InlineData("1200060")]
    [InlineData("12000a")]
    [InlineData(" 12000")]
    [InlineData("12-006")]
    [InlineData("１２０００６")] // full-width digits are not ASCII
    [InlineData("١٢٠٠٠٦")] // nor are Arabic-Indic digits
    public void Codes_must_be_six_ASCII_digits(string? code) =>
        Assert.False(LocalGovernmentCode.IsValid(code));
}
