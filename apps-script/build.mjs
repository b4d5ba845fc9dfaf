// Placeholder: the Apps Script bundle (apps-script/dist/) is written by the Apps Script work.
