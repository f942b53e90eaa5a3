using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tsunagari.Platform.Errors;

/// <summary>
/// Binds bool fields (checkboxes) so that a value that is not "true"/"false" is a localized validation message, not a
/// 500: the default binder keeps the text ("1", "on", "yes") as the raw value, and the checkbox tag helper throws a
/// FormatException when it redisplays the form with it. Here the raw value kept is a bool.
/// </summary>
public sealed class CheckboxBinding : IModelBinderProvider, IModelBinder
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) ? this : null;
    }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider.GetValue(name);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        var text = values.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            bindingContext.ModelState.SetModelValue(name, values);
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
            else bindingContext.ModelState.TryAddModelError(name, bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? ""));
            return Task.CompletedTask;
        }
        if (bool.TryParse(text.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(name, values);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(name, rawValue: false, attemptedValue: text);
        bindingContext.ModelState.TryAddModelError(name, bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }
}
