using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Regions;

public sealed class ChibaGroupingsTests
{
    [Fact]
    public void Every_Chiba_municipality_is_in_exactly_one_default_grouping()
    {
        var groupings = ChibaGroupings.Create(Japan.Shared).ToList();
        Assert.Equal(11, groupings.Count);
        var codes = groupings.SelectMany(g => g.MunicipalityCodes).ToList();
        Assert.Equal(54, codes.Count);
        Assert.Equal(
            Japan.Shared.Prefecture("120006")!.Municipalities.Select(m => m.Code).Order(StringComparer.Ordinal),
            codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Default_groupings_have_English_names_and_a_display_order()
    {
        var groupings = ChibaGroupings.Create(Japan.Shared).ToList();
        Assert.Equal(
            ["Chiba", "Katsunan", "Higashi-Katsushika", "Inba", "Katori", "Kaiso", "Sanbu", "Chosei", "Isumi", "Awa", "Kimitsu"],
            groupings.Select(g => g.NameEn));
        Assert.Equal(groupings.Select(g => g.SortOrder).Order(), groupings.Select(g => g.SortOrder));
        Assert.Equal(["121002", "122190"], groupings[0].MunicipalityCodes);
    }
}
