namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>A Japanese fiscal year (年度): 1 April to 31 March, named by the year it starts in, as governments and NPOs report.</summary>
public readonly record struct FiscalYear(int Year)
{
    public const int First = 2000;
    public const int Last = 2100;

    public DateOnly Start => new(Year, 4, 1);

    public DateOnly End => new(Year + 1, 3, 31);

    public static FiscalYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
