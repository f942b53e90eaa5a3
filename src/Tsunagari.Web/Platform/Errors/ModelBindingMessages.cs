using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Platform.Errors;

/// <summary>Model binding's own messages ("The value '' is invalid") in the person's language.</summary>
public static class ModelBindingMessages
{
    public static void LocalizeModelBindingMessages(this IServiceCollection services) =>
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            options.ModelBinderProviders.Insert(0, new CheckboxBinding());
            var m = options.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => l["値「{0}」は正しくありません。", v]);
            m.SetValueMustBeANumberAccessor(f => l["{0}には数値を入力してください。", f]);
            m.SetValueMustNotBeNullAccessor(f => l["{0}を入力してください。", f]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => l["{1}の値「{0}」は正しくありません。", v, f]);
            m.SetMissingBindRequiredValueAccessor(f => l["{0}を入力してください。", f]);
            m.SetMissingKeyOrValueAccessor(() => l["値を入力してください。"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["リクエストの本文が必要です。"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["値「{0}」は正しくありません。", v]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["値が正しくありません。"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["数値を入力してください。"]);
            m.SetUnknownValueIsInvalidAccessor(f => l["{0}の値が正しくありません。", f]);
        });
}
