import type zhCNDelivery from './zh-CN.delivery';

type Shape = { [K in keyof typeof zhCNDelivery]: { [L in keyof (typeof zhCNDelivery)[K]]: string } };

const enDelivery: Shape = {
  delivery: {
    title: 'Delivery',
    express: 'Express',
    pickup: 'Store pickup',
    local: 'Local delivery',
    chooseStore: 'Choose a store',
    storeHours: 'Opening hours',
    todayHours: 'Today {hours}',
    todayClosed: 'Closed today',
    distance: 'About {km} km away',
    localFrom: 'From {store} · about {km} km',
    fee: 'Delivery {fee}',
    feeFree: 'Free delivery',
    chooseSlot: 'Choose a delivery time',
    noSlots: 'No delivery times in the coming days',
    slotToday: 'Today',
    slotTomorrow: 'Tomorrow',
    pickupCode: 'Pickup code',
    pickupHint: 'Show the code or QR code to the staff at the store',
    pickedUp: 'Picked up',
    pickupPending: 'The pickup code appears once paid',
    pickupStore: 'Pickup store',
    call: 'Call the store',
    slot: 'Delivery time',
    localStore: 'Delivering store',
  },
};
export default enDelivery;
