/** The guided sample assessment: the welcome's choice and the guide panel (renderer/src/screens/guide). */
export const sampleEn = {
  welcome: {
    choiceHeading: 'How would you like to start?',
    choiceHint:
      'The guided sample is a made-up institution with an inspection that is nearly finished. In a few minutes it takes you through rating, the score, submitting and a signed report. You can add your own institutions at any time.',
    startSample: 'Start with a guided sample assessment',
    startEmpty: 'Start with an empty registry',
    preparing: 'Preparing the sample assessment…',
  },
  guide: {
    title: 'Guided sample',
    step: 'Step {{step}} of {{total}}: {{title}}',
    close: 'Close the guide',
    reopen: 'Guided sample',
    reopenHint: 'Walk through a sample inspection, from rating to a signed report, in a few minutes.',
    opening: 'Opening the sample…',
    gone: 'The sample assessment is no longer on this computer. Start the guided sample again from the institutions list.',
    steps: {
      rate: {
        title: 'Rate the remaining criteria',
        text: 'In the sample inspection, choose the “{{filter}}” filter and rate the {{number}} criteria left with the keys 3, 2, 1 or 0; J moves to the next one.',
        action: 'Open the sample inspection',
      },
      score: {
        title: 'Look at the score and the findings',
        text: 'The live score beside the criteria shows the overall percentage, the provisional outcome with its reasons, and the findings. The “{{filter}}” filter shows only the criteria with a finding to correct.',
        action: 'I have looked at the score',
      },
      submit: {
        title: 'Submit for review',
        text: 'Choose “{{button}}” in the bar at the top of the inspection.',
        action: 'Open the sample inspection',
      },
      report: {
        title: 'Open the report',
        text: 'The report shows the outcome, every finding with its corrective action, and every criterion. Open it and look through the preview.',
        action: 'Open the report',
      },
      review: {
        title: 'Hand over to a reviewer',
        text: 'You submitted the sample, so a different person must finalise it and sign the report (four eyes). On a shared laptop the reviewer switches the profile: open “{{profile}}”, put in the reviewer’s name (for this trial, any name but yours), save, and open the report again. Switch back to your own name afterwards.',
        action: 'Open the profile',
      },
      sign: {
        title: 'Sign the report',
        text: 'Choose “{{button}}”, create a trial signing identity with a passphrase you will remember (it is self-signed and only for trial use), and sign.',
        action: 'Open the report',
      },
      done: {
        title: 'You have a signed report',
        text: 'Save it from the list of signed reports and check it on the “{{verify}}” screen. Your own institutions start from “{{newInstitution}}”.',
        verify: 'Verify a report',
        archive: 'Archive the sample institution',
        archived: 'The sample institution is archived. “{{showArchived}}” in the institutions list brings it back.',
      },
    },
  },
};
