import type { Shape } from './catalog-images.ts';

/**
 * 青瓷小筑's catalog: tea ware, Yixing pots, tea and gift sets. Prices in fen, one entry per
 * combination of the specs (first spec varying slowest), or one for all. Stock likewise.
 */
export type DemoProduct = {
  key: string;
  title: string;
  subtitle: string;
  category: string;
  tags: string[];
  shape: Shape;
  colour: string;
  specs?: { name: string; values: string[] }[];
  prices: number[];
  listPrices?: (number | null)[];
  stock: number[];
  weight: number;
  status?: 'draft' | 'off_shelf';
  sales: number;
  purchaseLimit?: number;
  barcode?: boolean;
  facts: string[];
};

export const DEMO_CATEGORIES: { name: string; children: string[] }[] = [
  { name: '茶具', children: ['盖碗', '茶杯', '公道杯', '茶盘'] },
  { name: '紫砂壶', children: ['朱泥', '紫泥', '段泥'] },
  { name: '茶叶', children: ['绿茶', '乌龙', '红茶', '白茶', '普洱'] },
  { name: '茶礼', children: ['节礼', '伴手礼'] },
];

/** Background per top-level category. */
export const CATEGORY_BACKGROUND: Record<string, string> = { 茶具: '#e6efe9', 紫砂壶: '#f3e7dd', 茶叶: '#edf2e0', 茶礼: '#f5e8e3' };

const TIANQING = '#9cc3b9';
const ZHUNI = '#b4573d';
const ZINI = '#6f4a3d';
const DUANNI = '#c7a468';
const TEA = '#6f9b55';

export const DEMO_PRODUCTS: DemoProduct[] = [
  // 盖碗
  { key: 'gw-ruyao', title: '汝窑天青开片盖碗 150ml', subtitle: '温润如玉 开片养成', category: '盖碗', tags: ['新品', '热销'], shape: 'gaiwan', colour: TIANQING,
    specs: [{ name: '颜色', values: ['天青', '月白', '粉青'] }], prices: [16800], listPrices: [23800], stock: [48, 35, 9], weight: 320, sales: 1260, facts: ['汝窑天青釉，釉面温润，使用中开片渐显', '容量 150ml，一人或两人品饮', '壁厚适中，出汤利落不烫手'] },
  { key: 'gw-baici', title: '德化白瓷羊脂玉盖碗', subtitle: '薄胎透光 出汤不烫手', category: '盖碗', tags: ['热销'], shape: 'gaiwan', colour: '#f4f1ea',
    specs: [{ name: '容量', values: ['120ml', '150ml'] }], prices: [12800, 13800], stock: [60, 42], weight: 260, sales: 860, facts: ['德化羊脂玉白瓷，胎薄透光', '高温烧制，不挂色不串味'] },
  { key: 'gw-qinghua', title: '景德镇手绘青花缠枝莲盖碗', subtitle: '匠人一笔一画手绘', category: '盖碗', tags: ['送礼'], shape: 'gaiwan', colour: '#eef2f7',
    prices: [12900], listPrices: [16800], stock: [25], weight: 300, sales: 214, facts: ['景德镇老师傅手绘缠枝莲纹', '每只纹样略有不同，附手绘证书'] },
  { key: 'gw-chaihuo', title: '柴烧粗陶三才盖碗', subtitle: '落灰自然 每只不同', category: '盖碗', tags: [], shape: 'gaiwan', colour: '#a98b6d',
    prices: [9800], stock: [6], weight: 350, sales: 95, facts: ['柴窑烧制 72 小时，落灰成釉', '粗陶质感，适合岩茶与熟普'] },
  // 茶杯
  { key: 'bei-ruyao', title: '汝窑品茗杯 60ml', subtitle: '一人一杯 养出冰裂纹', category: '茶杯', tags: ['热销'], shape: 'cup', colour: TIANQING,
    specs: [{ name: '颜色', values: ['天青', '月白', '豆青'] }], prices: [3800], stock: [120, 88, 64], weight: 90, sales: 3120, facts: ['汝窑开片，越用越润', '单只装，可混搭颜色'] },
  { key: 'bei-jianzhan', title: '建盏兔毫主人杯', subtitle: '铁胎厚釉 兔毫分明', category: '茶杯', tags: ['送礼'], shape: 'cup', colour: '#3b2a22',
    specs: [{ name: '器型', values: ['束口', '敞口'] }], prices: [26800, 24800], listPrices: [32800, 29800], stock: [18, 22], weight: 180, sales: 402, facts: ['福建建阳原矿铁胎', '高温窑变兔毫纹，每只独一无二'] },
  { key: 'bei-liuli', title: '手工琉璃杯 耐热', subtitle: '光影通透 一杯多用', category: '茶杯', tags: ['新品'], shape: 'cup', colour: '#e8c27a',
    specs: [{ name: '颜色', values: ['琥珀', '冰蓝', '透明'] }], prices: [4800], stock: [40, 36, 52], weight: 110, sales: 188, facts: ['手工吹制，耐热 120℃', '可泡茶也可饮水'] },
  { key: 'bei-glass4', title: '双层隔热玻璃杯 4 只装', subtitle: '不烫手 办公室常备', category: '茶杯', tags: [], shape: 'cup', colour: '#d8ecf0',
    prices: [6800], stock: [75], weight: 400, sales: 640, facts: ['双层高硼硅玻璃，隔热防烫', '4 只一盒，容量 80ml'] },
  { key: 'bei-douli', title: '青花斗笠杯', subtitle: '经典斗笠器型', category: '茶杯', tags: [], shape: 'cup', colour: '#e9eef6',
    prices: [2800], stock: [0], weight: 80, sales: 1530, facts: ['手绘青花，斗笠造型聚香', '本批已售罄，补货中'] },
  // 公道杯
  { key: 'gdb-boli', title: '加厚耐热玻璃公道杯', subtitle: '断水利落 不挂壁', category: '公道杯', tags: ['热销'], shape: 'pitcher', colour: '#dcedf1',
    specs: [{ name: '容量', values: ['250ml', '350ml'] }], prices: [3900, 4900], stock: [90, 70], weight: 230, sales: 2210, facts: ['高硼硅加厚玻璃', '鹰嘴出水，断水利落'] },
  { key: 'gdb-ruyao', title: '汝窑公道杯 匀杯', subtitle: '与汝窑盖碗同款釉色', category: '公道杯', tags: [], shape: 'pitcher', colour: TIANQING,
    specs: [{ name: '颜色', values: ['天青', '月白'] }], prices: [8800], stock: [30, 24], weight: 280, sales: 366, facts: ['与汝窑盖碗、品茗杯成套', '容量 220ml'] },
  { key: 'gdb-yin', title: '足银 999 锤纹公道杯 160ml', subtitle: '手工锤纹 银器养茶', category: '公道杯', tags: ['送礼'], shape: 'pitcher', colour: '#d9dcdf',
    prices: [128000], listPrices: [158000], stock: [3], weight: 150, sales: 21, purchaseLimit: 1, facts: ['足银 999，手工锤揲', '附检测证书与礼盒'] },
  // 茶盘
  { key: 'cp-wujin', title: '乌金石整石茶盘', subtitle: '整石雕刻 厚重沉稳', category: '茶盘', tags: [], shape: 'tray', colour: '#2f2f33',
    specs: [{ name: '尺寸', values: ['60×40cm', '80×45cm'] }], prices: [59800, 89800], stock: [8, 4], weight: 18000, sales: 57, facts: ['整块乌金石雕刻，带排水口', '重量较大，物流送货上门'] },
  { key: 'cp-zhu', title: '楠竹储水式茶盘', subtitle: '轻便储水 免接管', category: '茶盘', tags: ['热销'], shape: 'tray', colour: '#c9a86a',
    specs: [{ name: '规格', values: ['小号', '大号'] }], prices: [16800, 22800], stock: [34, 20], weight: 2600, sales: 720, facts: ['整竹拼接，防霉处理', '底部储水盒，无需接排水管'] },
  { key: 'cp-ganpao', title: '陶瓷干泡台 壶承', subtitle: '一人茶席 小而美', category: '茶盘', tags: ['新品'], shape: 'tray', colour: '#ece6dc',
    specs: [{ name: '颜色', values: ['米白', '墨黑'] }], prices: [5800], stock: [40, 40], weight: 900, status: 'draft', sales: 0, facts: ['干泡法专用，简洁茶席', '即将上架'] },
  // 朱泥
  { key: 'hu-xishi', title: '宜兴原矿朱泥西施壶 220cc', subtitle: '半手工 出水如丝', category: '朱泥', tags: ['送礼', '热销'], shape: 'pot', colour: ZHUNI,
    specs: [{ name: '容量', values: ['180cc', '220cc'] }], prices: [88000, 98000], listPrices: [108000, 118000], stock: [12, 9], weight: 260, sales: 338, purchaseLimit: 2, facts: ['宜兴黄龙山原矿朱泥', '半手工成型，附作者证书', '适合乌龙、红茶'] },
  { key: 'hu-shuiping', title: '朱泥水平壶 小品 120cc', subtitle: '潮汕工夫茶经典', category: '朱泥', tags: [], shape: 'pot', colour: ZHUNI,
    prices: [46800], stock: [15], weight: 160, sales: 142, facts: ['经典水平器型，平稳出汤', '适合单丛、铁观音'] },
  { key: 'hu-longdan', title: '大红袍朱泥龙蛋壶', subtitle: '圆润饱满 聚香', category: '朱泥', tags: ['送礼'], shape: 'pot', colour: '#a8432f',
    prices: [128000], listPrices: [158000], stock: [2], weight: 240, sales: 48, purchaseLimit: 1, facts: ['大红袍朱泥，色泽红润', '全手工，仅余少量'] },
  // 紫泥
  { key: 'hu-shipiao', title: '原矿紫泥石瓢壶 300cc', subtitle: '器型端庄 适合岩茶', category: '紫泥', tags: ['热销'], shape: 'pot', colour: ZINI,
    specs: [{ name: '容量', values: ['260cc', '300cc'] }], prices: [108000, 118000], stock: [7, 11], weight: 320, sales: 186, facts: ['原矿紫泥，透气性好', '石瓢经典器型'] },
  { key: 'hu-fanggu', title: '底槽青仿古壶', subtitle: '紫泥上品 温润如玉', category: '紫泥', tags: ['新品'], shape: 'pot', colour: '#5a3d36',
    prices: [139000], stock: [5], weight: 300, sales: 12, facts: ['底槽青泥料，砂感细腻', '新品首发，附作者证书'] },
  { key: 'hu-hanwa', title: '紫泥汉瓦壶 全手工', subtitle: '工作室限量', category: '紫泥', tags: ['送礼'], shape: 'pot', colour: ZINI,
    prices: [268000], stock: [1], weight: 380, status: 'off_shelf', sales: 6, facts: ['全手工拍身筒', '工作室限量，暂时下架'] },
  // 段泥
  { key: 'hu-jinglan', title: '青段泥井栏壶', subtitle: '清雅素净', category: '段泥', tags: [], shape: 'pot', colour: DUANNI,
    prices: [78000], stock: [9], weight: 290, sales: 64, facts: ['青段泥，色如秋叶', '井栏器型，刻绘可定制'] },
  { key: 'hu-xiaoying', title: '本山段泥笑樱壶', subtitle: '小巧可人', category: '段泥', tags: [], shape: 'pot', colour: '#d2b47c',
    prices: [66000], stock: [0], weight: 200, sales: 88, facts: ['本山段泥，黄龙山原矿', '已售罄'] },
  // 绿茶
  { key: 'cha-longjing', title: '明前西湖龙井 特级 100g', subtitle: '狮峰山核心产区 春茶首采', category: '绿茶', tags: ['新品', '热销', '送礼'], shape: 'leaf', colour: TEA,
    specs: [{ name: '规格', values: ['100g 罐装', '250g 礼盒'] }], prices: [39800, 88800], listPrices: [46800, 99800], stock: [80, 30], weight: 200, sales: 2860, barcode: true, facts: ['西湖狮峰山核心产区，清明前采摘', '豆香馥郁，鲜爽回甘', '采摘日期印于罐底'] },
  { key: 'cha-biluochun', title: '洞庭碧螺春 一级', subtitle: '花果香 卷曲如螺', category: '绿茶', tags: [], shape: 'leaf', colour: '#7fae62',
    specs: [{ name: '规格', values: ['50g', '100g'] }], prices: [12800, 22800], stock: [66, 40], weight: 120, sales: 512, barcode: true, facts: ['苏州东山洞庭碧螺春', '花果香明显'] },
  { key: 'cha-maofeng', title: '黄山毛峰 特级 200g', subtitle: '形似雀舌 清香高长', category: '绿茶', tags: [], shape: 'leaf', colour: '#8cb56d',
    prices: [16800], stock: [45], weight: 260, sales: 233, barcode: true, facts: ['黄山高山茶园', '清香高长，汤色清澈'] },
  // 乌龙
  { key: 'cha-dahongpao', title: '武夷岩茶 大红袍', subtitle: '岩骨花香 足火焙', category: '乌龙', tags: ['热销', '送礼'], shape: 'leaf', colour: '#8a5a3b',
    specs: [{ name: '规格', values: ['125g', '250g'] }], prices: [26800, 49800], stock: [55, 28], weight: 300, sales: 1480, barcode: true, facts: ['武夷山正岩产区', '传统炭焙，岩韵明显'] },
  { key: 'cha-tieguanyin', title: '安溪铁观音 清香型 250g', subtitle: '兰花香 七泡有余香', category: '乌龙', tags: [], shape: 'leaf', colour: '#5f8f4e',
    prices: [15800], stock: [70], weight: 300, sales: 690, barcode: true, facts: ['安溪感德镇', '清香型，兰花香'] },
  { key: 'cha-yashixiang', title: '凤凰单丛 鸭屎香 100g', subtitle: '银花香 回甘持久', category: '乌龙', tags: ['新品'], shape: 'leaf', colour: '#7b8f45',
    prices: [18800], stock: [38], weight: 150, sales: 97, barcode: true, facts: ['潮州凤凰山乌岽', '银花香型，回甘持久'] },
  // 红茶
  { key: 'cha-jinjunmei', title: '桐木关金骏眉 特级', subtitle: '蜜香浓郁 芽头饱满', category: '红茶', tags: ['送礼'], shape: 'leaf', colour: '#9b5a2e',
    specs: [{ name: '规格', values: ['50g', '150g 礼盒'] }], prices: [19800, 52800], listPrices: [null, 59800], stock: [44, 16], weight: 220, sales: 420, barcode: true, facts: ['武夷山桐木关', '全芽头，蜜香浓郁'] },
  { key: 'cha-dianhong', title: '滇红 古树金芽 250g', subtitle: '金毫显露 甜润', category: '红茶', tags: [], shape: 'leaf', colour: '#b0703a',
    prices: [12800], stock: [9], weight: 300, sales: 310, barcode: true, facts: ['云南凤庆古树', '金毫显露，汤色红亮'] },
  // 白茶
  { key: 'cha-yinzhen', title: '福鼎白毫银针 2023 100g', subtitle: '毫香蜜韵 可存可饮', category: '白茶', tags: ['送礼'], shape: 'leaf', colour: '#c9cfae',
    prices: [29800], stock: [26], weight: 160, sales: 205, barcode: true, facts: ['福鼎太姥山', '单芽制作，毫香明显'] },
  { key: 'cha-shoumei', title: '福鼎老寿眉饼 2018 357g', subtitle: '枣香药香 越陈越香', category: '白茶', tags: [], shape: 'cake', colour: '#b59a6a',
    prices: [16800], stock: [33], weight: 400, sales: 276, barcode: true, facts: ['2018 年寿眉压饼', '可煮可泡，枣香浓'] },
  // 普洱
  { key: 'cha-laobanzhang', title: '老班章古树普洱生茶 2019 357g', subtitle: '茶王山头 霸气回甘', category: '普洱', tags: ['送礼'], shape: 'cake', colour: '#8d7a4f',
    prices: [168000], listPrices: [198000], stock: [6], weight: 420, sales: 35, purchaseLimit: 2, barcode: true, facts: ['勐海老班章古树原料', '2019 年春茶压制'] },
  { key: 'cha-shupu', title: '宫廷熟普 散茶 500g', subtitle: '醇厚顺滑 暖胃', category: '普洱', tags: [], shape: 'leaf', colour: '#5b3b2a',
    prices: [9800], stock: [120], weight: 560, status: 'draft', sales: 0, barcode: true, facts: ['勐海宫廷级熟普', '整理上架中'] },
  // 节礼
  { key: 'li-zhongqiu', title: '中秋茶礼盒 龙井 + 汝窑杯', subtitle: '一份好茶一盏好器', category: '节礼', tags: ['送礼', '热销'], shape: 'gift', colour: '#2f4a7a',
    specs: [{ name: '规格', values: ['标准款', '尊享款'] }], prices: [39800, 69800], listPrices: [45800, 79800], stock: [60, 25], weight: 1200, sales: 530, facts: ['明前龙井 100g + 汝窑品茗杯 2 只', '尊享款另含汝窑公道杯', '可代写贺卡'] },
  { key: 'li-chunjie', title: '新春茶器礼盒 一壶四杯', subtitle: '阖家品茗', category: '节礼', tags: ['送礼', '新品'], shape: 'gift', colour: '#a3312b',
    specs: [{ name: '颜色', values: ['天青', '月白'] }], prices: [49800], stock: [20, 14], weight: 1500, sales: 76, facts: ['汝窑壶一把，品茗杯四只', '新春限定礼盒包装'] },
  // 伴手礼
  { key: 'li-xiaoguan', title: '小罐茶伴手礼 8 罐装', subtitle: '一次尝遍好茶', category: '伴手礼', tags: ['送礼', '热销'], shape: 'gift', colour: '#4f7a5a',
    specs: [{ name: '规格', values: ['乌龙组合', '红茶组合', '绿茶组合'] }], prices: [12800], stock: [80, 60, 8], weight: 320, sales: 1890, barcode: true, facts: ['8 小罐独立包装，每罐一泡', '商务拜访、会议伴手礼'] },
  { key: 'li-lvxing', title: '汝窑随身旅行茶具 一壶二杯', subtitle: '出门也能好好喝茶', category: '伴手礼', tags: ['送礼'], shape: 'gift', colour: TIANQING,
    specs: [{ name: '颜色', values: ['天青', '月白'] }], prices: [18800], listPrices: [22800], stock: [45, 38], weight: 800, sales: 615, facts: ['快客杯一壶二杯', '附便携收纳包'] },
];
