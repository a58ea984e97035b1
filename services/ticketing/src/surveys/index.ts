/** Satisfaction surveys: issued in the resolve transaction, answered once through a single-use link. */
export { createSurveyFor, SURVEY_VALID_DAYS, type IssuedSurvey, type ResolvedTicket } from "./create-survey.ts";
export { getSurveyByToken, submitSurvey, type SurveyAnswer, type SurveyView } from "./answer-survey.ts";
export { surveysRouter } from "./surveys-router.ts";
