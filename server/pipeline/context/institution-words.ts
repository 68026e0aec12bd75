/**
 * The last word of an institution's proper name ("Impington Village College", "Lawson Library at The Grammar School",
 * "Radford College"), shared by the stages that ask whether some words name an institution of their own.
 */
export const INSTITUTION_WORD = 'College|School|Academy|University|Hospital|Institute';
