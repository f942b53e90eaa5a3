namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Hours are credited in quarter hours, never more than a day.</summary>
public static class AttendanceHours
{
    public static decimal Round(decimal hours) => Math.Round(hours * 4, MidpointRounding.AwayFromZero) / 4;

    public static decimal Between(DateTimeOffset checkedIn, DateTimeOffset checkedOut)
    {
        var hours = Round((decimal)Math.Max(0, (checkedOut - checkedIn).TotalHours));
        return Math.Min(hours, SignUp.MaxHours);
    }

    /// <summary>Hours entered by a person: above zero, at most a day, in quarter hours.</summary>
    public static bool IsValid(decimal? hours) => hours is > 0 and <= SignUp.MaxHours && Round(hours.Value) > 0;
}
