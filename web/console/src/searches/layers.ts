// Where the saved-search menus lie among the console's layers.
import { getDefaultZIndex } from '@mantine/core';

/**
 * The saved-search menu and the alerts bell sit under dialogs (Mantine puts popovers above them):
 * choosing "Save this search" while the menu is open closes it, and while it fades out it must not
 * lie over the dialog that opens (issue 15: "the menu covers the confirmation").
 */
export const BELOW_DIALOGS = getDefaultZIndex('modal') - 1;
