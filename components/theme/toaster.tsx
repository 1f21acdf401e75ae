"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { onFirstToast } from "@/lib/toast";

const SonnerToaster = dynamic(() => import("./sonner-toaster").then((m) => m.SonnerToaster), { ssr: false });

/** Where toasts show: nothing (and no sonner) until the first one fires (lib/toast.ts). */
export function Toaster() {
  const [used, setUsed] = useState(false);
  useEffect(() => onFirstToast(() => setUsed(true)), []);
  return used ? <SonnerToaster /> : null;
}
