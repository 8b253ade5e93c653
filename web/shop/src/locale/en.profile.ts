/** My profile. Same shape as zh-CN.profile.ts. */
const enProfile = {
  profile: {
    title: 'My profile',
    meEntry: 'My profile',
    name: 'Name',
    namePlaceholder: 'What should we call you',
    gender: 'Gender',
    gender_male: 'Male',
    gender_female: 'Female',
    gender_unknown: 'Prefer not to say',
    birthday: 'Birthday',
    birthdayPlaceholder: 'Pick your birthday (a treat in your birthday month)',
    region: 'Region',
    regionPlaceholder: 'Province / city / district',
    regionTitle: 'Choose your region',
    save: 'Save',
    saved: 'Saved',
    hint: 'Used only to suggest teas for you and for birthday treats; change it any time.',
  },
};
export default enProfile;
