/** The page's fixed elements (client/index.html), looked up once. */
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export function findElements() {
  return {
    picker: $<HTMLSelectElement>('#dataset-picker'),
    colourBy: $<HTMLSelectElement>('#colour-by'),
    sizeBy: $<HTMLSelectElement>('#size-by'),
    summary: $('#summary'),
    caption: $('#caption'),
    status: $('#status'),
    graph: $('#graph'),
    graphView: $('#graph-view'),
    tableView: $('#table-view'),
    legend: $('#legend'),
    panel: $('#panel'),
    peopleLists: $('#people-lists'),
    filters: $('#filters'),
    timeline: $('#timeline'),
    modeGraph: $<HTMLButtonElement>('#mode-graph'),
    modeTable: $<HTMLButtonElement>('#mode-table'),
    refine: $<HTMLButtonElement>('#refine-layout'),
    upload: $<HTMLButtonElement>('#upload-button'),
    share: $<HTMLButtonElement>('#share-button'),
    peersButton: $<HTMLButtonElement>('#peers-button'),
    banner: $('#snapshot-banner'),
    embedCredit: $('#embed-credit'),
    uploadDialog: $<HTMLDialogElement>('#upload-dialog'),
    shareDialog: $<HTMLDialogElement>('#share-dialog'),
    peersDialog: $<HTMLDialogElement>('#peers-dialog'),
    helpDialog: $<HTMLDialogElement>('#help-dialog'),
    help: $<HTMLButtonElement>('#help-button'),
    emptyState: $('#empty-state'),
    emptyUpload: $<HTMLButtonElement>('#empty-upload'),
    openFilters: $<HTMLButtonElement>('#open-filters'),
    openDetails: $<HTMLButtonElement>('#open-details'),
  };
}

export type Elements = ReturnType<typeof findElements>;
