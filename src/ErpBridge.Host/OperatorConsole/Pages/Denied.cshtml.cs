namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>Where a viewer lands who tried to act.</summary>
public sealed class DeniedModel : ConsolePage
{
    public void OnGet()
    {
    }
}
