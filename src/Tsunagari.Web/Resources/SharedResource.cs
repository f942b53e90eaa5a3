using Microsoft.Extensions.Localization;

[assembly: RootNamespace("Tsunagari")]

namespace Tsunagari.Resources;

/// <summary>
/// The one resource of the user interface. Keys are the Japanese text (the default language), so a page shows
/// Japanese without a lookup; `SharedResource.en.resx` beside this file holds the English.
/// </summary>
public sealed class SharedResource;
