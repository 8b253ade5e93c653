/** 我的资料. en.profile.ts has the same shape. */
const zhCNProfile = {
  profile: {
    title: '我的资料',
    meEntry: '我的资料',
    name: '姓名',
    namePlaceholder: '怎么称呼你',
    gender: '性别',
    gender_male: '男',
    gender_female: '女',
    gender_unknown: '保密',
    birthday: '生日',
    birthdayPlaceholder: '选择生日（生日当月有惊喜）',
    region: '所在地区',
    regionPlaceholder: '选择省 / 市 / 区',
    regionTitle: '选择所在地区',
    save: '保存',
    saved: '已保存',
    hint: '资料只用于为你推荐合适的茶品和生日礼遇，可随时修改。',
  },
};
export default zhCNProfile;
