namespace Tsunagari.Features.Opportunities;

/// <summary>
/// What the form and the API send for an opportunity. Times without an offset are Japan local time (the form's
/// datetime-local inputs); <see cref="SaveOpportunity"/> validates it and turns it into <see cref="OpportunityDetails"/>.
/// </summary>
public sealed class OpportunityInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<int> Fields { get; set; } = [];
    public List<int> Ways { get; set; } = [];
    public string? MunicipalityCode { get; set; }
    public bool IsOnline { get; set; }
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }

    /// <summary>"none", "weekly", "monthly" or "custom".</summary>
    public string? Repeat { get; set; } = "none";

    /// <summary>RFC 5545 weekday codes for "weekly" (MO, TU, …).</summary>
    public List<string> Weekdays { get; set; } = [];

    /// <summary>1–4, or -1 for the last, for "monthly".</summary>
    public int? MonthlyWeek { get; set; }

    public string? MonthlyWeekday { get; set; }

    /// <summary>An RRULE for "custom", e.g. FREQ=MONTHLY;BYMONTHDAY=1,15.</summary>
    public string? CustomRule { get; set; }

    /// <summary>Japan dates (yyyy-MM-dd), separated by commas, spaces or lines.</summary>
    public string? Exceptions { get; set; }

    public int? Capacity { get; set; }
    public DateTime? Deadline { get; set; }
    public decimal? FeeYen { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>BCP 47 tags separated by commas, e.g. "ja, en".</summary>
    public string? Languages { get; set; }

    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public List<AccessibilityFeatures> Accessibility { get; set; } = [];

    /// <summary>Sign-ups wait for an admin's approval (<see cref="Opportunity.SetSignUpRules"/>).</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>Questions asked of everyone who signs up; blank ones are dropped.</summary>
    public List<string?> SignUpQuestions { get; set; } = [];

    public static OpportunityInput From(Opportunity o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var input = new OpportunityInput
        {
            Title = o.Title,
            Description = o.Description,
            Fields = [.. o.Fields],
            Ways = [.. o.Ways],
            MunicipalityCode = o.MunicipalityCode,
            IsOnline = o.IsOnline,
            VenueName = o.VenueName,
            VenueAddress = o.VenueAddress,
            Latitude = o.Latitude,
            Longitude = o.Longitude,
            Start = SaveOpportunity.ToJapan(o.StartsAt),
            End = SaveOpportunity.ToJapan(o.EndsAt),
            Exceptions = string.Join(", ", o.RecurrenceExceptions.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            Capacity = o.Capacity,
            Deadline = o.ApplicationDeadline is { } d ? SaveOpportunity.ToJapan(d) : null,
            FeeYen = o.FeeYen,
            ContactEmail = o.ContactEmail,
            ContactPhone = o.ContactPhone,
            Languages = string.Join(", ", o.Languages),
            MinAge = o.MinAge,
            MaxAge = o.MaxAge,
            Accessibility = Enum.GetValues<AccessibilityFeatures>().Where(f => f != AccessibilityFeatures.None && o.Accessibility.HasFlag(f)).ToList(),
            RequiresApproval = o.RequiresApproval,
            SignUpQuestions = [.. o.SignUpQuestions],
        };
        if (Recurrence.Parse(o.RecurrenceRule) is { } p)
        {
            var simple = p.Count is null && p.Until is null && p.Interval == 1 && p.ByMonth.Count == 0 && p.ByMonthDay.Count == 0 && p.BySetPosition.Count == 0;
            if (simple && p.Frequency == Ical.Net.FrequencyType.Weekly && p.ByDay.Count > 0 && p.ByDay.All(x => x.Offset is null))
            {
                input.Repeat = "weekly";
                input.Weekdays = Recurrence.WeekdayCodes.Where(c => p.ByDay.Any(x => x.DayOfWeek == new Ical.Net.DataTypes.WeekDay(c).DayOfWeek)).ToList();
            }
            else if (simple && p.Frequency == Ical.Net.FrequencyType.Monthly && p.ByDay.Count == 1 && p.ByDay[0].Offset is { } n)
            {
                input.Repeat = "monthly";
                input.MonthlyWeek = n;
                input.MonthlyWeekday = Recurrence.WeekdayCodes.First(c => new Ical.Net.DataTypes.WeekDay(c).DayOfWeek == p.ByDay[0].DayOfWeek);
            }
            else
            {
                input.Repeat = "custom";
                input.CustomRule = o.RecurrenceRule;
            }
        }
        return input;
    }
}
