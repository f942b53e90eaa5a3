using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

/// <summary>Identity's messages in the person's language (Identity itself only speaks English).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string text, params object[] args) => new() { Code = code, Description = l[text, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "処理に失敗しました。もう一度お試しください。");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "ほかの変更と競合しました。再読み込みしてからもう一度お試しください。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "パスワードが正しくありません。");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "リンクの有効期限が切れているか、正しくありません。もう一度やり直してください。");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "このログインはすでに別のアカウントで使われています。");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "このメールアドレスは使用できません。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "メールアドレスの形式が正しくありません。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "このメールアドレスはすでに登録されています。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "このメールアドレスはすでに登録されています。");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "役割の名前が正しくありません。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "この役割はすでにあります。");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "パスワードはすでに設定されています。");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "このアカウントではロックアウトが有効になっていません。");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "すでにこの役割を持っています。");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "この役割を持っていません。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "パスワードは{0}文字以上にしてください。", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "パスワードには{0}種類以上の文字を使ってください。", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "パスワードには記号を1文字以上含めてください。");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "パスワードには数字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "パスワードには英小文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "パスワードには英大文字を1文字以上含めてください。");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "リカバリーコードが正しくありません。");
}
