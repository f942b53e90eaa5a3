using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Record;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Attendance, hours, the activity record and certificates.</summary>
public static class AttendanceSetup
{
    public static void AddAttendance(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<RecordAttendance>();
        services.AddScoped<IssueCheckInCode>();
        services.AddScoped<CheckInWithCode>();
        services.AddSingleton<CheckInAttempts>();
        services.AddScoped<ReportHours>();
        services.AddScoped<DecideHours>();
        services.AddScoped<ReadRecord>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<IPersonalData, AttendancePersonalData>();
    }
}
