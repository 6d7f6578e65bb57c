"""Settings shared by every suite: the Chromium to launch and the exchange to open."""

from fixtures.playwright_overrides import (
    browser_context_args,
    browser_type_launch_args,
    connect_options,
    delete_output_dir,
)

__all__ = ["browser_context_args", "browser_type_launch_args", "connect_options", "delete_output_dir"]
