namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>Why a sign-up action was refused, as the HTTP status the API answers with; the message is localized.</summary>
public sealed record SignUpProblem(int Status, string Message, string Field = "")
{
    public static SignUpProblem NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static SignUpProblem Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static SignUpProblem Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, message, field);
}
