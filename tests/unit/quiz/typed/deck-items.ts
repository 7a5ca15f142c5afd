/**
 * The article's typed items as the deck has them (content/war-for-peace/items/*.yaml): the
 * question and the accepted answers the checker is tested against.
 */
export const ITEMS = {
  'csto-age-at-first-deployment': {
    question: 'About how long had the CSTO existed when it made its first peacekeeping deployment, in Kazakhstan?',
    answers: ['thirty years', '30 years', 'thirty', '30'],
  },
  'csto-name-typed': {
    question: 'Which alliance sent troops described as "peacekeepers" into Kazakhstan in January 2022? (abbreviation or full name)',
    answers: ['CSTO', 'Collective Security Treaty Organization', 'Collective Security Treaty Organisation', 'ODKB'],
  },
  'tokayev-name': {
    question: 'Who was the president of Kazakhstan who asked the CSTO for assistance in January 2022?',
    answers: ['Kassym-Jomart Tokayev', 'Tokayev', 'Kassym-Joart Tokayev', 'Kassym Jomart Tokayev', 'Tokaev'],
  },
  'tokayev-request-date': {
    question: 'On what date in January 2022 did Kazakhstan\'s president announce that he had requested CSTO assistance?',
    answers: ['January 5', '5 January', 'Jan 5', 'Jan. 5', '5 Jan', 'January 5th', '5th January'],
  },
  'pashinyan-csto-chair': {
    question: 'Who chaired the CSTO at the time and announced that "peacekeepers" would go to Kazakhstan?',
    answers: ['Nikol Pashinyan', 'Pashinyan'],
  },
  'kazakhstan-troop-number': {
    question: 'Approximately how many troops arrived in Kazakhstan under the CSTO deployment?',
    answers: ['2,500', '2500', 'approximately 2,500', 'about 2,500', '2 500'],
  },
  'un-charter-document': {
    question: 'Chapters VI and VII of which founding document are the source of the peacekeeping principles the author cites?',
    answers: ['UN Charter', 'United Nations Charter', 'U.N. Charter'],
  },
  isaf: {
    question: "Through which multinational force did NATO's UN-mandated peacekeeping in Afghanistan initially work? (abbreviation or full name)",
    answers: ['ISAF', 'International Security Assistance Force'],
  },
  'bosnia-dayton': {
    question: "Through which agreement did Bosnia's peacekeeping mission of the mid-1990s get its UN mandate?",
    answers: ['Dayton Accords', 'Dayton Accord', 'Dayton Agreement', 'Dayton Peace Accords', 'Dayton'],
  },
  'nato-1992-statement-date': {
    question: 'In which month and year did NATO state that it was ready to support peacekeeping operations under the authority of the UN Security Council?',
    answers: ['December 1992', 'Dec 1992', 'Dec. 1992', '12/1992'],
  },
  'fmso-source': {
    question: "Which office wrote in 1996 that in Tajikistan 'the Russian military has been anything but impartial'? (full name or abbreviation)",
    answers: ['Foreign Military Studies Office', 'FMSO'],
  },
  'socor-timing': {
    question: "When does the author date Socor's observation of Russian military personnel running civil affairs in Nagorno-Karabakh?",
    answers: ['late 2020', '2020', 'end of 2020'],
  },
  'tokayev-owes-putin': {
    question: 'Whatever Moscow\'s motives, to whom does the author say Tokayev now owes his political survival?',
    answers: ['Putin', 'Vladimir Putin'],
  },
  'unbreakable-brotherhood': {
    question: 'What is the name of the exercises in which Russia had practised for years exactly the kind of operation it carried out in Kazakhstan?',
    answers: ['Unbreakable Brotherhood'],
  },
  'competence-and-confidence': {
    question: 'Which two qualities does the author say Moscow demonstrated by carrying out the Kazakhstan mission?',
    answers: ['competence and confidence', 'confidence and competence', 'competence confidence'],
  },
  'forty-fifth-brigade': {
    question: 'Which seasoned elite Russian unit does the author single out among the forces sent to Kazakhstan?',
    answers: ['45th Guards Spetsnaz Brigade', '45th Spetsnaz Brigade', '45th Guards Brigade', '45th Brigade'],
  },
  'officer-served-in-bosnia': {
    question: 'In which peacekeeping mission did the former American officer actually serve alongside the Russian military, rather than only observe it?',
    answers: ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  },
} as const;

export type ItemId = keyof typeof ITEMS;
