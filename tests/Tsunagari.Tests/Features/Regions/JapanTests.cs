using System.Text;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Regions;

public sealed class JapanTests
{
    private static readonly Japan Japan = Japan.Shared;

    [Fact]
    public void The_list_has_every_prefecture_and_municipality()
    {
        Assert.Equal(47, Japan.Prefectures.Count);
        Assert.Equal("北海道", Japan.Prefectures[0].Name);
        Assert.Equal("沖縄県", Japan.Prefectures[^1].Name);
        Assert.Equal(1_747, Japan.Prefectures.Sum(p => p.Municipalities.Count));
    }

    [Fact]
    public void Chiba_has_54_municipalities_37_cities_16_towns_and_1_village()
    {
        var chiba = Japan.Prefecture("120006")!;
        Assert.Equal("千葉県", chiba.Name);
        Assert.Equal("ちばけん", chiba.Kana);
        Assert.Equal(54, chiba.Municipalities.Count);
        Assert.Equal(37, chiba.Municipalities.Count(m => m.Kind == MunicipalityKind.City));
        Assert.Equal(16, chiba.Municipalities.Count(m => m.Kind == MunicipalityKind.Town));
        Assert.Equal(1, chiba.Municipalities.Count(m => m.Kind == MunicipalityKind.Village));
        Assert.All(chiba.Municipalities, m => Assert.Equal("120006", m.PrefectureCode));
    }

    [Fact]
    public void Chiba_city_has_six_wards_found_by_their_own_codes()
    {
        var city = Japan.Municipality("121002")!;
        Assert.Equal("千葉市", city.Name);
        Assert.True(city.IsDesignatedCity);
        Assert.Equal(["中央区", "花見川区", "稲毛区", "若葉区", "緑区", "美浜区"], city.Wards.Select(w => w.Name));
        Assert.All(city.Wards, w =>
        {
            Assert.Equal(MunicipalityKind.Ward, w.Kind);
            Assert.Equal("121002", w.ParentCode);
            Assert.Equal("120006", w.PrefectureCode);
            Assert.Same(w, Japan.Municipality(w.Code));
        });
    }

    [Fact]
    public void Tokyo_special_wards_are_wards_of_no_city()
    {
        var chiyoda = Japan.Municipality("131016")!;
        Assert.Equal("千代田区", chiyoda.Name);
        Assert.Equal(MunicipalityKind.Ward, chiyoda.Kind);
        Assert.Null(chiyoda.ParentCode);
        Assert.Equal("130001", chiyoda.PrefectureCode);
    }

    [Theory]
    [InlineData("120006")] // a prefecture, not a municipality
    [InlineData("480002")] // well-formed, but no such place
    [InlineData("121003")]
    [InlineData(null)]
    public void Unknown_codes_find_no_municipality(string? code) => Assert.Null(Japan.Municipality(code));

    [Fact]
    public void A_list_with_a_wrong_check_digit_is_refused()
    {
        const string corrupt = """[{"code":"120006","type":"prefecture","name":"千葉県","ruby":"ちばけん","municipalities":[{"code":"121003","type":"municipality","name":"千葉市","ruby":"ちばし"}]}]""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(corrupt));
        var error = Assert.Throws<InvalidDataException>(() => Japan.Parse(stream));
        Assert.Contains("121003", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_NPO_Act_has_twenty_fields_of_activity_in_order()
    {
        var fields = FieldsOfActivity.All;
        Assert.Equal(Enumerable.Range(1, 20), fields.Select(f => f.Number));
        Assert.Equal("保健、医療又は福祉の増進を図る活動", fields[0].Name);
        Assert.Equal("Promotion of health, medical care or welfare", fields[0].NameEn);
        Assert.Equal("災害救援活動", FieldsOfActivity.Find(8)!.Name);
        Assert.Null(FieldsOfActivity.Find(21));
    }
}
